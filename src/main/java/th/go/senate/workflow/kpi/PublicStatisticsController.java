package th.go.senate.workflow.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.FiscalRound;
import th.go.senate.workflow.calendar.FiscalYear;
import th.go.senate.workflow.kpi.PublicCaseCounts.Counts;
import th.go.senate.workflow.web.Refusal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Public statistics, no login ("open by default", seed 2.4 item 7): per process and reporting round of a fiscal year
 * the <em>cases</em> received, closed, closed on time and in progress ({@link PublicCaseCounts}), in the shape of the
 * 6- and 12-month complaint statistics agencies publish for ITA. Only counts: no person, no business key, no case; a
 * protected process (the integrity cases) shows its counts only once a round has ended
 * ({@link PublicStatisticsProperties#getAfterRoundEnd()}). Outside {@code /api/**} on purpose. The figures of a year
 * are computed at most every five minutes, so that anonymous traffic cannot load the database.
 *
 * <p>{@code /public/statistics} is a Thai page ({@link PublicStatisticsPage}) with a plain form for the year and
 * round; {@code /public/statistics.json} the same figures. A bad year or round is a Thai error page, or a problem
 * document in Thai, with status 400.
 */
@RestController
public class PublicStatisticsController {

  static final java.time.Duration CACHE_TTL = java.time.Duration.ofMinutes(5);
  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  /** One process's figures in a round; the counts are {@code null} while a protected process waits for the round's end. */
  public record ProcessFigures(String processKey, String name, Long carriedOver, Long received, Long closed,
      Long inProgress, Long closedOnTime, Double onTimePercent, LocalDate publishedFrom) {

    boolean withheld() {
      return received == null;
    }
  }

  /**
   * A round: its window {@code from}–{@code to} (the last day), the day the figures count to ({@code asOf}: today
   * while the round runs, else its last day), whether it has ended, a row per process and the total of the rows shown.
   */
  public record RoundFigures(int round, LocalDate from, LocalDate to, LocalDate asOf, boolean ended,
      List<ProcessFigures> processes, ProcessFigures total) {
  }

  public record Statistics(int fiscalYear, List<RoundFigures> rounds) {

    RoundFigures round(int months) {
      return rounds.stream().filter(r -> r.round() == months).findFirst().orElseThrow();
    }
  }

  /** What the caller asked for, checked: a fiscal year that has begun, and one of the rounds offered. */
  record Choice(int fiscalYear, int round) {
  }

  private final PublicCaseCounts counts;
  private final RepositoryService repositoryService;
  private final PublicStatisticsProperties settings;
  private final List<Integer> rounds;
  /** Fiscal year → figures, for {@link #CACHE_TTL}; a handful of years are asked for, more are not kept. */
  private final Cache<Integer, Statistics> cache = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL)
      .maximumSize(20).build();
  /** The fiscal year of the first case (the oldest year the form offers), for {@link #CACHE_TTL}. */
  private final Cache<String, Integer> firstYear = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL)
      .maximumSize(1).build();

  public PublicStatisticsController(PublicCaseCounts counts, RepositoryService repositoryService,
      PublicStatisticsProperties settings) {
    this.counts = counts;
    this.repositoryService = repositoryService;
    this.settings = settings;
    Set<Integer> offered = new TreeSet<>(settings.getRounds());
    if (offered.isEmpty()) {
      throw new IllegalStateException("senate.public-statistics.rounds: name at least one round (6, 9 or 12)");
    }
    offered.forEach(months -> new FiscalRound(FiscalRound.MIN_FISCAL_YEAR, months)); // 6, 9 or 12, else no start
    this.rounds = List.copyOf(offered);
  }

  @GetMapping(value = "/public/statistics.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> json(@RequestParam(required = false) String fiscalYear,
      @RequestParam(required = false) String round) {
    Choice choice;
    try {
      choice = choose(fiscalYear, round, BangkokTime.today());
    } catch (Refusal refused) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
      problem.setTitle("คำขอไม่ถูกต้อง");
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    Statistics statistics = statistics(choice.fiscalYear());
    // without a round: every round offered; with one: that round
    return ResponseEntity.ok(round == null || round.isBlank() ? statistics
        : new Statistics(statistics.fiscalYear(), List.of(statistics.round(choice.round()))));
  }

  @GetMapping(value = "/public/statistics", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public ResponseEntity<String> html(@RequestParam(required = false) String fiscalYear,
      @RequestParam(required = false) String round) {
    LocalDate today = BangkokTime.today();
    List<Integer> years = years(today);
    try {
      Choice choice = choose(fiscalYear, round, today);
      Statistics statistics = statistics(choice.fiscalYear());
      return ResponseEntity.ok().contentType(HTML).body(PublicStatisticsPage.statistics(statistics,
          statistics.round(choice.round()), years, rounds));
    } catch (Refusal refused) {
      Choice current = new Choice(FiscalYear.of(today), defaultRound(FiscalYear.of(today), today));
      return ResponseEntity.badRequest().contentType(HTML)
          .body(PublicStatisticsPage.error(refused.getMessage(), current, years, rounds));
    }
  }

  /**
   * The checked choice; without a year the current one, without a round the one running today (or the last round of
   * a past year). The messages are for the public: Thai only.
   */
  Choice choose(String fiscalYearText, String roundText, LocalDate today) {
    int current = FiscalYear.of(today);
    int year = current;
    if (fiscalYearText != null && !fiscalYearText.isBlank()) {
      year = number(fiscalYearText, "ปีงบประมาณต้องเป็นตัวเลขปีพุทธศักราช 4 หลัก เช่น " + current);
      if (year >= FiscalRound.MIN_FISCAL_YEAR - FiscalYear.BUDDHIST_ERA_OFFSET
          && year <= FiscalRound.MAX_FISCAL_YEAR - FiscalYear.BUDDHIST_ERA_OFFSET) {
        throw new Refusal("ปีงบประมาณต้องเป็นปีพุทธศักราช (พ.ศ.) ไม่ใช่คริสต์ศักราช: ค.ศ. " + year + " คือ พ.ศ. "
            + (year + FiscalYear.BUDDHIST_ERA_OFFSET));
      }
      if (year < FiscalRound.MIN_FISCAL_YEAR || year > FiscalRound.MAX_FISCAL_YEAR) {
        throw new Refusal("ปีงบประมาณต้องเป็นปีพุทธศักราช " + FiscalRound.MIN_FISCAL_YEAR + "–"
            + FiscalRound.MAX_FISCAL_YEAR + " เช่น " + current);
      }
      if (year > current) {
        throw new Refusal("ปีงบประมาณ พ.ศ. " + year + " ยังไม่เริ่มต้น (เริ่มวันที่ "
            + th.go.senate.workflow.calendar.ThaiDates.longDate(FiscalYear.firstDay(year))
            + ") ปีงบประมาณปัจจุบันคือ พ.ศ. " + current);
      }
    }
    if (roundText == null || roundText.isBlank()) {
      return new Choice(year, defaultRound(year, today));
    }
    String offered = String.join(" หรือ ", rounds.stream().map(String::valueOf).toList());
    int round = number(roundText, "รอบรายงานต้องเป็น " + offered + " เดือน");
    if (!rounds.contains(round)) {
      throw new Refusal("รอบรายงานต้องเป็น " + offered + " เดือน");
    }
    return new Choice(year, round);
  }

  private static int number(String text, String message) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new Refusal(message);
    }
  }

  /** The round running today in the current year (the first offered whose cut-off has not passed); else the last. */
  private int defaultRound(int fiscalYear, LocalDate today) {
    for (int months : rounds) {
      if (!today.isAfter(new FiscalRound(fiscalYear, months).cutOff())) {
        return months;
      }
    }
    return rounds.get(rounds.size() - 1);
  }

  /** The years the form offers: the current one back to the year of the first case, newest first. */
  private List<Integer> years(LocalDate today) {
    int current = FiscalYear.of(today);
    int first = firstYear.get("first", k -> counts.firstCase().map(FiscalYear::of).orElse(current));
    List<Integer> years = new ArrayList<>();
    for (int year = current; year >= Math.max(first, FiscalRound.MIN_FISCAL_YEAR); year--) {
      years.add(year);
    }
    return years;
  }

  Statistics statistics(int fiscalYear) {
    return cache.get(fiscalYear, this::compute);
  }

  /** Forgets the cached figures (tests). */
  void forget() {
    cache.invalidateAll();
    firstYear.invalidateAll();
  }

  private Statistics compute(int fiscalYear) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, String> names = processNames();
    List<RoundFigures> figures = new ArrayList<>();
    for (int months : rounds) {
      ReportPeriod period = new ReportPeriod(fiscalYear, months);
      boolean ended = !now.isBefore(period.to());
      Instant asOf = ended ? period.to() : now;
      Map<String, Counts> byProcess = counts.count(period.from(), asOf);
      List<ProcessFigures> rows = new ArrayList<>();
      Counts total = Counts.NONE;
      for (Map.Entry<String, String> process : shown(names, byProcess).entrySet()) {
        String key = process.getKey();
        if (!ended && settings.getAfterRoundEnd().contains(key)) {
          rows.add(new ProcessFigures(key, process.getValue(), null, null, null, null, null, null,
              period.lastDay().plusDays(1)));
          continue;
        }
        Counts c = byProcess.getOrDefault(key, Counts.NONE);
        total = total.plus(c);
        rows.add(figures(key, process.getValue(), c));
      }
      figures.add(new RoundFigures(months, period.firstDay(), period.lastDay(),
          ended ? period.lastDay() : BangkokTime.dateOf(now), ended, List.copyOf(rows), figures("*", "รวม", total)));
    }
    return new Statistics(fiscalYear, List.copyOf(figures));
  }

  private static ProcessFigures figures(String key, String name, Counts c) {
    return new ProcessFigures(key, name, c.carriedOver(), c.received(), c.closed(), c.inProgress(), c.closedOnTime(),
        c.onTime().percentValue(), null);
  }

  /**
   * The rows, in order: the configured processes (each deployed or with cases); without a list, every deployed process
   * and every process with cases, by key.
   */
  private Map<String, String> shown(Map<String, String> names, Map<String, Counts> byProcess) {
    Map<String, String> shown = new LinkedHashMap<>();
    if (settings.getProcesses().isEmpty()) {
      new TreeSet<>(names.keySet()).forEach(key -> shown.put(key, names.get(key)));
      byProcess.keySet().forEach(key -> shown.putIfAbsent(key, key));
      return shown;
    }
    for (String key : settings.getProcesses()) {
      if (names.containsKey(key) || byProcess.containsKey(key)) {
        shown.put(key, names.getOrDefault(key, key));
      }
    }
    return shown;
  }

  /** The Thai names of the latest deployed versions, without the English in brackets the models add for staff. */
  private Map<String, String> processNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      String name = definition.getName() == null ? definition.getKey() : definition.getName();
      names.putIfAbsent(definition.getKey(), name.replaceFirst("\\s*\\([\\p{IsLatin}\\p{Punct}\\s\\d]*\\)\\s*$", ""));
    }
    return names;
  }
}
