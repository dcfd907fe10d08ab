package th.go.senate.workflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.DemoSessionPeriods;
import th.go.senate.workflow.calendar.FiscalYear;
import th.go.senate.workflow.demo.DemoHistory;
import th.go.senate.workflow.demo.DemoHistoryCleanUp;
import th.go.senate.workflow.kpi.PublicStatisticsCache;
import th.go.senate.workflow.kpi.PublicStatisticsController;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 17 "Done when", in Chromium (Thai), on the demo history ({@link DemoHistory}, at the size of
 * {@code DemoHistoryTest}): the KPI manager's dashboard in Cockpit for this fiscal year's running round, its
 * figures per process, the previous year's column and the projection; one figure opened to the cases behind it,
 * which include a case of the history; the view of the head of the bureau with the most history steps in Tasklist,
 * that bureau's figures only; the public page of last fiscal year's 12-month round, per process.
 *
 * <p>The shared database holds other tests' facts of the same years, and the pages show the whole database: so each
 * expected figure is computed here, with SQL of this test's own over the same slice of {@code kpi_step_fact} or
 * {@code kpi_case_fact} (not by the services the pages call), at the moment the page is read (the job executor is
 * off in the tests: nothing changes the facts meanwhile). That the figures are the history's, and not only other
 * tests', is asserted from the history's own instances: steps completed in this year's round and last year's, the
 * history's case in the list behind a figure, the history's cases in last year's public figures. Screenshots:
 * target/screenshots/17-history-*.png.
 */
class DemoHistoryBrowserTest extends PlatformTest {

  /** As {@code DemoHistoryTest}: every process once and a few more (about 15 s on the 2-core machine). */
  private static final int SIZE = 20;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/");
  /** The columns of the dashboard's report table, 1 = the first figure (senate-kpi.js, table()). */
  private static final int STARTED = 1, COMPLETED = 2, ON_TIME = 3, LATE = 4, MEDIAN = 5, OPEN = 7,
      ESCALATIONS = 9, PREVIOUS_ON_TIME = 10, PROJECTION = 11;
  private static final List<Integer> COMPARED = List.of(STARTED, COMPLETED, ON_TIME, LATE, MEDIAN, OPEN, ESCALATIONS,
      PREVIOUS_ON_TIME);
  /** Listed to their handlers only (identity/bureaus.yaml protected-processes): not in the manager's drill-down. */
  private static final Set<String> PROTECTED = Set.of("integrityCase");

  @Autowired DemoHistory history;
  @Autowired DemoSessionPeriods sessionPeriods;
  @Autowired PublicStatisticsController publicStatistics;

  private DemoHistoryCleanUp cleanUp;
  @Autowired th.go.senate.workflow.kpi.KpiTotalsRepository totals;

  @BeforeEach
  void chromiumInstalled() {
    Chromium.requireInstalled();
    cleanUp = new DemoHistoryCleanUp(processEngine, jdbc, totals);
  }

  @AfterEach
  void removeTheHistory() {
    cleanUp.remove();
    // a later test reading these years must not get the history's figures from the page's cache
    PublicStatisticsCache.forget(publicStatistics);
  }

  @Test
  void theDashboardTheHeadsViewAndThePublicPageShowTheHistorysFigures() throws Exception {
    assertThat(managementService.getProperties()).as("no history before this test").doesNotContainKey(DemoHistory.MARKER);
    long began = System.nanoTime();
    cleanUp.seedSessionPeriods(sessionPeriods);
    DemoHistory.Result result = cleanUp.generate(history, SIZE);
    assertThat(result.generated()).isTrue();
    System.out.printf("demo history for the browser test: %d cases, %d step facts, in %d ms%n",
        result.casesStarted(), result.stepFacts(), result.took().toMillis());
    Set<String> ids = result.processInstanceIds();
    String historyIds = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));

    // This fiscal year's running round (the dashboard's default) and the same round of last year, the history's
    // first year (it begins on the first day of last fiscal year). On the first morning of a fiscal year the
    // history has completed nothing in it yet, and the first assertion below says so.
    LocalDate today = BangkokTime.today();
    int fiscalYear = FiscalYear.of(today);
    int month = today.getMonthValue();
    int round = month >= 10 || month <= 3 ? 6 : month <= 6 ? 9 : 12;
    Window current = Window.of(fiscalYear, round);
    Window previous = Window.of(fiscalYear - 1, round);
    assertThat(count("kpi_step_fact where end_state = 'COMPLETED' and completed_at >= ? and completed_at < ? "
        + "and process_instance_id in (" + historyIds + ")", current.from(), current.to()))
        .as("steps of the history completed in FY %d, round %d", fiscalYear, round).isPositive();
    assertThat(count("kpi_step_fact where end_state = 'COMPLETED' and completed_at >= ? and completed_at < ? "
        + "and process_instance_id in (" + historyIds + ")", previous.from(), previous.to()))
        .as("steps of the history completed in FY %d, round %d", fiscalYear - 1, round).isPositive();
    String choice = "fiscalYear=" + fiscalYear + "&round=" + round;
    String period = "ช่วงเวลา " + day(current.from()) + " – " + day(current.to().minusDays(1));

    // ------------------------------------------------------------------ the KPI manager's dashboard in Cockpit
    Map<String, String> processNames = names(api("/api/kpi/report?" + choice + "&groupBy=process", "kpiManagersUser"));
    Map<String, Figures> byProcess = figures("process_key", current, null);
    Map<String, Figures> byProcessLastYear = figures("process_key", previous, null);
    Drill drill = drill(historyIds, current);
    try (Chromium browser = new Chromium("th")) {
      try {
        logIn(browser, "cockpit", "kpiManagersUser");
        browser.click(By.xpath("//a[normalize-space(.)='ตัวชี้วัด KPI']"));
        WebElement dashboard = visible(browser, By.id("senate-kpi-dashboard"));
        choose(browser, dashboard, "fiscalYear", String.valueOf(fiscalYear));
        choose(browser, dashboard, "round", String.valueOf(round));
        choose(browser, dashboard, "groupBy", "process");
        patient(browser).until(d -> visible(browser, By.cssSelector(".senate-kpi-period")).getText().startsWith(period));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        // every line with figures this round or last year's (a line of last year only: zeros, and last year's %)
        for (String key : union(byProcess.keySet(), byProcessLastYear.keySet())) {
          expected.put(processNames.get(key), byProcess.getOrDefault(key, Figures.NONE)
              .cells(byProcessLastYear.get(key)));
        }
        expected.put("รวม", total(byProcess.values()).cells(total(byProcessLastYear.values())));
        assertThat(processNames.keySet()).containsAll(byProcess.keySet()).containsAll(byProcessLastYear.keySet());
        Map<String, List<String>> shown = shownFigures(browser, dashboard, expected);
        assertThat(shown).as("the dashboard's figures (columns %s) against the database's", COMPARED)
            .containsAllEntriesOf(expected);
        // the history spans two fiscal years: last year's % on time and the projection are figures, not "–"
        assertThat(reportCell(browser, dashboard, "รวม", PREVIOUS_ON_TIME)).matches("\\d{1,3}\\.\\d %");
        assertThat(reportCell(browser, dashboard, "รวม", PROJECTION)).matches("\\d{1,3}\\.\\d %");
        System.out.println("dashboard lines compared with the database: " + expected);
        inView(browser, dashboard);
        browser.screenshot("17-history-cockpit-dashboard");

        // one figure → the list of its cases, among them a case of the history
        String processName = processNames.get(drill.processKey());
        WebElement button = patient(browser).until(d -> d.findElement(By.xpath(
            "//table[contains(@class,'senate-kpi-table')]//tr[th[normalize-space(.)='" + processName + "']]/td["
            + drill.column() + "]/button")));
        assertThat(button.getText()).isEqualTo(String.valueOf(drill.total()));
        browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
        WebElement heading = visible(browser, By.cssSelector(".senate-kpi-cases-list h3"));
        patient(browser).until(d -> heading.getText().startsWith(drill.label() + " " + drill.total() + " รายการ"));
        WebElement list = visible(browser, By.cssSelector(".senate-kpi-cases"));
        assertThat(list.findElements(By.cssSelector("tbody tr th")).stream().map(WebElement::getText).toList())
            .as("the cases behind %s of %s", drill.label(), processName).contains(drill.reference())
            .hasSize((int) Math.min(drill.total(), 200));
        System.out.println("drill-down: " + drill);
        browser.screenshot("17-history-cockpit-drilldown");
      } catch (Throwable failure) {
        browser.screenshot("failure-17-history-cockpit");
        throw failure;
      }
    }

    // ------------------------------------------------ the head of the bureau with most of the history's steps
    String bureau = jdbc.queryForObject("select candidate_group from kpi_step_fact where candidate_group in ("
        + headBureaus() + ") and created_at >= ? and created_at < ? and process_instance_id in (" + historyIds
        + ") group by candidate_group order by count(*) desc, candidate_group fetch first 1 rows only",
        String.class, current.from(), current.to());
    Map<String, String> bureauNames = names(api("/api/kpi/report?" + choice + "&groupBy=bureau", "kpiManagersUser"));
    String bureauName = bureauNames.get(bureau);
    Map<String, Figures> ofBureau = figures("candidate_group", current, bureau);
    Map<String, Figures> ofBureauLastYear = figures("candidate_group", previous, bureau);
    Map<String, List<String>> expectedOfBureau = Map.of(bureauName,
        ofBureau.get(bureau).cells(ofBureauLastYear.get(bureau)));
    List<String> otherBureaus = bureauNames.entrySet().stream().filter(e -> !e.getKey().equals(bureau))
        .map(Map.Entry::getValue).filter(name -> !bureauName.contains(name)).toList();
    assertThat(otherBureaus).as("other bureaus with figures this round").isNotEmpty();
    try (Chromium browser = new Chromium("th")) {
      try {
        logIn(browser, "tasklist", bureau + "HeadUser");
        browser.click(By.cssSelector(".senate-bureau-kpi-open"));
        WebElement view = visible(browser, By.id("senate-bureau-kpi-dashboard"));
        assertThat(view.findElement(By.tagName("h2")).getText()).isEqualTo("ตัวชี้วัดของ" + bureauName);
        choose(browser, view, "fiscalYear", String.valueOf(fiscalYear));
        choose(browser, view, "round", String.valueOf(round));
        choose(browser, view, "groupBy", "bureau");
        patient(browser).until(d -> view.findElement(By.cssSelector(".senate-kpi-period")).getText().startsWith(period));
        Map<String, List<String>> shown = shownFigures(browser, view, expectedOfBureau);
        assertThat(shown.keySet()).as("the head's report lines").containsExactly(bureauName, "รวม");
        assertThat(shown).containsAllEntriesOf(expectedOfBureau);
        // the cases listed (overdue work first) are the bureau's own; nothing of another bureau anywhere
        patient(browser).until(d -> !view.findElements(By.cssSelector(".senate-kpi-cases-list h3")).isEmpty());
        assertThat(view.findElements(By.cssSelector(".senate-kpi-cases tbody tr td:nth-child(4)")).stream()
            .map(WebElement::getText)).allMatch(bureauName::equals);
        String text = view.getText();
        assertThat(otherBureaus).noneMatch(text::contains);
        System.out.println("head of " + bureau + ", lines compared with the database: " + expectedOfBureau);
        inView(browser, view);
        browser.screenshot("17-history-tasklist-bureau-head");
      } catch (Throwable failure) {
        browser.screenshot("failure-17-history-tasklist-head");
        throw failure;
      }
    }

    // ------------------------------------------------------- the public page: last fiscal year, 12-month round
    Window lastYear = Window.of(fiscalYear - 1, 12);
    assertThat(count("kpi_case_fact where ended_at >= ? and ended_at < ? and process_instance_id in ("
        + historyIds + ")", lastYear.from(), lastYear.to())).as("cases of the history closed last year").isPositive();
    PublicStatisticsCache.forget(publicStatistics);
    Map<String, List<String>> expectedPublic = publicFigures(lastYear);
    try (Chromium browser = new Chromium("th")) {
      try {
        browser.open("http://localhost:" + port + "/public/statistics?fiscalYear=" + (fiscalYear - 1) + "&round=12");
        browser.visible(By.tagName("table"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText())
            .contains("ปีงบประมาณ พ.ศ. " + (fiscalYear - 1) + " รอบ 12 เดือน");
        Map<String, List<String>> shown = new LinkedHashMap<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("tbody tr, tfoot tr"))) {
          shown.put(row.findElement(By.tagName("th")).getText().trim(), row.findElements(By.tagName("td")).stream()
              .map(cell -> visibleText(browser, cell)).toList());
        }
        assertThat(shown).as("received, closed, in progress, closed on time, %% per process").isEqualTo(expectedPublic);
        browser.screenshot("17-history-public-statistics");
      } catch (Throwable failure) {
        browser.screenshot("failure-17-history-public");
        throw failure;
      }
    }
    System.out.printf("DemoHistoryBrowserTest: history, dashboard, head's view and public page in %d s%n",
        Duration.ofNanos(System.nanoTime() - began).toSeconds());
  }

  // ---------------------------------------------------------------------------- the database's figures

  /** A round's window: from the first day of the fiscal year (Bangkok midnight) for {@code months} months. */
  private record Window(OffsetDateTime from, OffsetDateTime to) {
    static Window of(int fiscalYear, int months) {
      OffsetDateTime from = BangkokTime.startOf(FiscalYear.firstDay(fiscalYear)).atZone(BangkokTime.ZONE)
          .toOffsetDateTime();
      return new Window(from, from.plusMonths(months));
    }
  }

  /** One line of the report as counted here: steps arrived, completed (on time) with their working minutes. */
  private record Figures(long started, long escalations, long completed, long onTime, List<Integer> minutes,
      long open) {

    static final Figures NONE = new Figures(0, 0, 0, 0, List.of(), 0);

    /** The dashboard's cells {@link #COMPARED}, written as senate-kpi.js writes them. */
    List<String> cells(Figures lastYear) {
      return List.of(String.valueOf(started), String.valueOf(completed), percent(completed, onTime),
          String.valueOf(completed - onTime), workingTime(median(minutes)), String.valueOf(open),
          String.valueOf(escalations),
          lastYear == null ? "–" : percent(lastYear.completed, lastYear.onTime));
    }
  }

  /**
   * Per group ({@code key}: process_key or candidate_group; only {@code bureau} when given): steps created in the
   * window and their escalations; steps completed (not cancelled) in it, on time when the SLA was met; steps open at
   * the report's instant (now, or the window's end once it is over): arrived before it, not ended before it.
   */
  private Map<String, Figures> figures(String key, Window window, String bureau) {
    String only = bureau == null ? "" : " and candidate_group = '" + bureau + "'";
    Map<String, long[]> arrived = new TreeMap<>();
    jdbc.query("select " + key + ", count(*), sum(coalesce(escalations, 0)) from kpi_step_fact where created_at >= ? "
        + "and created_at < ?" + only + " group by " + key,
        rs -> { arrived.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}); }, window.from(), window.to());
    Map<String, long[]> done = new TreeMap<>();
    Map<String, List<Integer>> minutes = new TreeMap<>();
    jdbc.query("select " + key + ", sla_met, working_minutes from kpi_step_fact where end_state = 'COMPLETED' and "
        + "completed_at >= ? and completed_at < ?" + only, rs -> {
          long[] counts = done.computeIfAbsent(rs.getString(1), k -> new long[2]);
          counts[0]++;
          if (Boolean.TRUE.equals(rs.getObject(2, Boolean.class))) {
            counts[1]++;
          }
          Integer value = rs.getObject(3, Integer.class);
          List<Integer> list = minutes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
          if (value != null) {
            list.add(value);
          }
        }, window.from(), window.to());
    OffsetDateTime now = BangkokTime.now().atZone(BangkokTime.ZONE).toOffsetDateTime();
    OffsetDateTime asOf = now.isBefore(window.to()) ? now : window.to();
    Map<String, Long> open = new TreeMap<>();
    jdbc.query("select " + key + ", count(*) from kpi_step_fact where created_at < ? and (completed_at is null or "
        + "completed_at >= ?)" + only + " group by " + key, rs -> {
          open.put(rs.getString(1), rs.getLong(2));
        }, asOf, asOf);
    Map<String, Figures> figures = new TreeMap<>();
    for (String group : union(union(arrived.keySet(), done.keySet()), open.keySet())) {
      if (group == null) {
        continue; // steps without a bureau: a line of their own, not compared here
      }
      long[] a = arrived.getOrDefault(group, new long[2]);
      long[] d = done.getOrDefault(group, new long[2]);
      figures.put(group, new Figures(a[0], a[1], d[0], d[1], minutes.getOrDefault(group, List.of()),
          open.getOrDefault(group, 0L)));
    }
    return figures;
  }

  private static Figures total(java.util.Collection<Figures> lines) {
    List<Integer> minutes = new ArrayList<>();
    lines.forEach(f -> minutes.addAll(f.minutes()));
    return new Figures(lines.stream().mapToLong(Figures::started).sum(),
        lines.stream().mapToLong(Figures::escalations).sum(), lines.stream().mapToLong(Figures::completed).sum(),
        lines.stream().mapToLong(Figures::onTime).sum(), minutes, lines.stream().mapToLong(Figures::open).sum());
  }

  /** The figure opened: a process's late steps in the round if the history has one among those listed, else its open steps. */
  private record Drill(String processKey, int column, String label, long total, String reference) {
  }

  private Drill drill(String historyIds, Window window) {
    OffsetDateTime now = OffsetDateTime.now(BangkokTime.ZONE);
    String notProtected = PROTECTED.stream().map(p -> "'" + p + "'").collect(Collectors.joining(","));
    String late = "end_state = 'COMPLETED' and coalesce(sla_met, false) = false and completed_at >= ? and completed_at < ?";
    String open = "created_at < ? and (completed_at is null or completed_at >= ?)";
    for (boolean lateSteps : new boolean[] {true, false}) {
      String where = lateSteps ? late : open;
      Object[] args = lateSteps ? new Object[] {window.from(), window.to()} : new Object[] {now, now};
      String order = lateSteps ? "completed_at desc, task_id"
          : "case when due_at is null then 1 else 0 end, due_at, created_at, task_id";
      List<String> processes = jdbc.queryForList("select distinct process_key from kpi_step_fact where " + where
          + " and process_key not in (" + notProtected + ") and process_instance_id in (" + historyIds + ") "
          + "order by process_key", String.class, args);
      for (String process : processes) {
        // the list shows the first 200 (KpiCasesController.LIMIT): a case of the history must be among them
        List<Map<String, Object>> listed = jdbc.queryForList("select process_instance_id, coalesce(business_key, "
            + "process_instance_id) as reference from kpi_step_fact where " + where + " and process_key = '" + process
            + "' order by " + order + " fetch first 200 rows only", args);
        Long total = jdbc.queryForObject("select count(*) from kpi_step_fact where " + where + " and process_key = '"
            + process + "'", Long.class, args);
        for (Map<String, Object> step : listed) {
          if (historyIds.contains("'" + step.get("process_instance_id") + "'")) {
            return new Drill(process, lateSteps ? LATE : OPEN, lateSteps ? "งานที่เสร็จเกินกำหนด" : "งานค้าง", total,
                (String) step.get("reference"));
          }
        }
      }
    }
    throw new AssertionError("no late or open step of the history among the steps a figure lists");
  }

  /** The public page's cells per process row and the total: received, closed, in progress, closed on time, %. */
  private Map<String, List<String>> publicFigures(Window window) {
    Map<String, long[]> counts = new TreeMap<>();
    jdbc.query("select process_key, started_at >= ? as received, ended_at is not null and ended_at < ? as closed, "
        + "legal_limit_met from kpi_case_fact where started_at < ? and (ended_at is null or ended_at >= ?) "
        + "and (outcome is null or outcome <> 'CANCELLED')", rs -> {
          long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[4]);
          boolean closed = rs.getBoolean(3);
          c[0] += rs.getBoolean(2) ? 1 : 0;
          c[1] += closed ? 1 : 0;
          c[2] += closed ? 0 : 1;
          c[3] += closed && Boolean.TRUE.equals(rs.getObject(4, Boolean.class)) ? 1 : 0;
        }, window.from(), window.to(), window.to(), window.from());
    Map<String, List<String>> rows = new LinkedHashMap<>();
    long[] total = new long[4];
    // the rows of application.yaml senate.public-statistics.processes, in its order, all deployed
    for (String process : List.of("petition", "complaint", "integrityCase", "legislation", "interpellation", "motion",
        "appointmentVetting", "committeeMinutes", "reformMonitoring", "planReview")) {
      long[] c = counts.getOrDefault(process, new long[4]);
      for (int i = 0; i < 4; i++) {
        total[i] += c[i];
      }
      rows.put(processName(process), publicCells(c));
    }
    rows.put("รวม", publicCells(total));
    return rows;
  }

  private static List<String> publicCells(long[] c) {
    return List.of(String.valueOf(c[0]), String.valueOf(c[1]), String.valueOf(c[2]), String.valueOf(c[3]),
        c[1] == 0 ? "–" : percent(c[1], c[3]).replace(" ", ""), "");
  }

  /** The bureaus that have a head (identity/bureaus.yaml headGroup: true), as an SQL list. */
  private String headBureaus() {
    return identityService.createGroupQuery().list().stream().map(g -> g.getId())
        .filter(id -> id.endsWith("Head")).map(id -> "'" + id.substring(0, id.length() - "Head".length()) + "'")
        .collect(Collectors.joining(","));
  }

  private long count(String fromWhere, Object... args) {
    return jdbc.queryForObject("select count(*) from " + fromWhere, Long.class, args);
  }

  private static <T> Set<T> union(Set<T> a, Set<T> b) {
    Set<T> all = new java.util.LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  // ------------------------------------------------------------------------- figures as the pages write them

  /** 100 × on time ÷ completed, half up to one decimal (the platform's rule), as the dashboard prints it. */
  private static String percent(long completed, long onTime) {
    return completed == 0 ? "–" : BigDecimal.valueOf(100 * onTime)
        .divide(BigDecimal.valueOf(completed), 1, RoundingMode.HALF_UP).toPlainString() + " %";
  }

  /** The median as {@code percentile_cont(0.5)}: the middle value, or the mean of the two middle ones. */
  private static Double median(List<Integer> minutes) {
    if (minutes.isEmpty()) {
      return null;
    }
    List<Integer> sorted = new ArrayList<>(minutes);
    Collections.sort(sorted);
    double position = 0.5 * (sorted.size() - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
  }

  /**
   * Working minutes as the dashboard writes them: rounded to a tenth by the report, then under a working day of 8
   * hours in working hours, else in working days, to one decimal as JavaScript's toFixed (exact value, half up).
   */
  private static String workingTime(Double minutes) {
    if (minutes == null) {
      return "–";
    }
    double m = Math.round(minutes * 10) / 10.0;
    return m < 480 ? fixed(m / 60) + " ชม.ทำการ" : fixed(m / 480) + " วันทำการ";
  }

  private static String fixed(double value) {
    return new BigDecimal(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  /** "01/10/2569": a day of a window as the dashboard's period line writes it. */
  private static String day(OffsetDateTime at) {
    LocalDate date = at.atZoneSameInstant(BangkokTime.ZONE).toLocalDate();
    return date.format(DAY) + (date.getYear() + FiscalYear.BUDDHIST_ERA_OFFSET);
  }

  /** A process's name on the public page: the latest model's, without the English in brackets. */
  private String processName(String processKey) {
    String name = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult().getName();
    return name.replaceFirst("\\s*\\([\\p{IsLatin}\\p{Punct}\\s\\d]*\\)\\s*$", "");
  }

  // ---------------------------------------------------------------------------------------- the browser

  /**
   * The report lines shown, by name, with the cells {@link #COMPARED}; waits (a while) until the lines expected are
   * shown as expected, so that a report still loading is not read, then returns what is shown for the assertion.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> shownFigures(Chromium browser, WebElement root,
      Map<String, List<String>> expected) {
    java.util.function.Supplier<Map<String, List<String>>> read = () -> {
      Map<String, List<String>> shown = new LinkedHashMap<>();
      List<List<String>> rows = (List<List<String>>) browser.script("return [...arguments[0].querySelectorAll("
          + "'.senate-kpi-table tbody tr')].map(r => [r.querySelector('th').textContent.trim(),"
          + " ...[...r.querySelectorAll('td')].map(c => c.textContent.trim())]);", root);
      for (List<String> row : rows) {
        shown.put(row.get(0), COMPARED.stream().map(column -> row.get(column)).toList());
      }
      return shown;
    };
    try {
      new WebDriverWait(browser.driver, Duration.ofSeconds(30))
          .until(d -> read.get().entrySet().containsAll(expected.entrySet()));
    } catch (org.openqa.selenium.TimeoutException e) {
      // the assertion that follows says what differs
    }
    return read.get();
  }

  /** Brings the report table into view for the screenshot (the charts come first). */
  private static void inView(Chromium browser, WebElement root) {
    browser.script("arguments[0].querySelector('.senate-kpi-table').scrollIntoView({block: 'start'});", root);
  }

  private static String reportCell(Chromium browser, WebElement root, String name, int column) {
    return (String) browser.script("const rows = [...arguments[0].querySelectorAll('.senate-kpi-table tbody tr')];"
        + "const row = rows.find(r => r.querySelector('th').textContent.trim() === arguments[1]);"
        + "return row ? row.querySelectorAll('td')[arguments[2] - 1].textContent.trim() : null;", root, name, column);
  }

  /** What a sighted reader sees in a cell: its text without the words kept for screen readers ({@code .sr}). */
  private static String visibleText(Chromium browser, WebElement cell) {
    return ((String) browser.script("const c = arguments[0].cloneNode(true);"
        + "c.querySelectorAll('.sr').forEach(e => e.remove()); return c.textContent;", cell)).trim();
  }

  /** Chooses a filter's value as a mouse does (one change event). */
  private static void choose(Chromium browser, WebElement root, String filter, String value) {
    WebElement select = patient(browser).until(d -> {
      WebElement s = root.findElement(By.name(filter));
      return s.findElements(By.cssSelector("option[value='" + value + "']")).isEmpty() ? null : s;
    });
    browser.script("arguments[0].value = arguments[1];"
        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", select, value);
  }

  /** The report lines' names by key (the names only: the figures come from the database). */
  private static Map<String, String> names(JsonNode report) {
    Map<String, String> names = new TreeMap<>();
    report.path("rows").forEach(row -> names.put(row.path("key").asText(), row.path("name").asText()));
    return names;
  }

  private JsonNode api(String path, String user) {
    ApiClient.Reply reply = ApiClient.send(port, "GET", path, user, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  /** A wait as long as a loaded machine needs (Cockpit loads 2 MB of scripts on its first start). */
  private static WebDriverWait patient(Chromium browser) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(180));
  }

  private static WebElement visible(Chromium browser, By by) {
    return patient(browser).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void logIn(Chromium browser, String app, String user) {
    browser.logIn("http://localhost:" + port + "/camunda/app/" + app + "/default/", user);
  }
}
