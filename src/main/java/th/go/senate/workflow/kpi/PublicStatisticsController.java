package th.go.senate.workflow.kpi;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.FiscalYear;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.kpi.KpiReport.Row;
import th.go.senate.workflow.kpi.ReportQuery.GroupBy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Public statistics, no login ("open by default"): per process and reporting round of a fiscal year, the
 * steps received and completed and the % completed on time. Only aggregates: no person, no business key, no
 * case. Outside {@code /api/**} on purpose. The figures are computed at most every five minutes per year, so
 * that anonymous traffic cannot load the database.
 */
@RestController
public class PublicStatisticsController {

  static final Duration CACHE_TTL = Duration.ofMinutes(5);

  private final KpiReportService reports;
  /** Fiscal year → figures, for {@link #CACHE_TTL}; a handful of years are asked for, more are not kept. */
  private final Cache<Integer, Statistics> cache = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL)
      .maximumSize(20).build();

  public PublicStatisticsController(KpiReportService reports) {
    this.reports = reports;
  }

  public record RoundFigures(int round, String period, long started, long completed, Double onTimePercent) {
  }

  public record ProcessFigures(String processKey, String name, List<RoundFigures> rounds) {
  }

  public record Statistics(int fiscalYear, String asOf, List<ProcessFigures> processes) {
  }

  @GetMapping(value = "/public/statistics.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public Statistics json(@RequestParam(required = false) Integer fiscalYear) {
    return statistics(fiscalYear);
  }

  @GetMapping(value = "/public/statistics", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String html(@RequestParam(required = false) Integer fiscalYear) {
    Statistics statistics = statistics(fiscalYear);
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>สถิติการให้บริการ สำนักงานเลขาธิการวุฒิสภา</title><style>"
        + "body{font-family:'Sarabun','Noto Sans Thai',Tahoma,sans-serif;margin:2em;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.4em .7em}"
        + "td.n{text-align:right}caption{text-align:left;font-weight:bold;margin-bottom:.3em}"
        + ".bar{fill:#2a7ab0}.bg{fill:#e6eef4}</style></head><body>");
    html.append("<h1>สถิติการให้บริการตามกระบวนงาน ปีงบประมาณ พ.ศ. ").append(statistics.fiscalYear()).append("</h1>");
    html.append("<p>ข้อมูล ณ วันที่ ").append(statistics.asOf())
        .append(" · ร้อยละของขั้นตอนงานที่แล้วเสร็จภายในเวลามาตรฐาน และปริมาณงาน รายรอบ 6, 9 และ 12 เดือน</p>");
    if (statistics.processes().isEmpty()) {
      html.append("<p>ยังไม่มีข้อมูลในปีงบประมาณนี้</p>");
    }
    for (ProcessFigures process : statistics.processes()) {
      html.append("<table><caption>").append(HtmlUtils.htmlEscape(process.name())).append("</caption>")
          .append("<tr><th>รอบ</th><th>ช่วงเวลา</th><th>งานเข้า</th><th>งานเสร็จ</th><th>ร้อยละตรงเวลา</th><th></th></tr>");
      for (RoundFigures round : process.rounds()) {
        double percent = round.onTimePercent() == null ? 0 : round.onTimePercent();
        html.append("<tr><td>").append(round.round()).append(" เดือน</td><td>").append(round.period())
            .append("</td><td class=\"n\">").append(round.started()).append("</td><td class=\"n\">")
            .append(round.completed()).append("</td><td class=\"n\">")
            .append(round.onTimePercent() == null ? "–" : round.onTimePercent()).append("</td><td>")
            .append("<svg width=\"200\" height=\"14\" role=\"img\" aria-label=\"ร้อยละ ").append(percent)
            .append("\"><rect class=\"bg\" width=\"200\" height=\"14\"/><rect class=\"bar\" width=\"")
            .append(Math.round(2 * percent)).append("\" height=\"14\"/></svg></td></tr>");
      }
      html.append("</table>");
    }
    html.append("<p><a href=\"statistics.json?fiscalYear=").append(statistics.fiscalYear())
        .append("\">ข้อมูลแบบ JSON</a></p></body></html>");
    return html.toString();
  }

  Statistics statistics(Integer fiscalYear) {
    LocalDate today = BangkokTime.today();
    int year = fiscalYear != null ? fiscalYear : FiscalYear.of(today);
    new ReportPeriod(year, 12); // validates the year (400 with a Thai message)
    return cache.get(year, y -> compute(y, today));
  }

  /** Forgets the cached figures (tests). */
  void forget() {
    cache.invalidateAll();
  }

  private Statistics compute(int year, LocalDate today) {
    Map<String, ProcessFigures> processes = new LinkedHashMap<>();
    for (int round : List.of(6, 9, 12)) {
      ReportPeriod period = new ReportPeriod(year, round);
      // a round is shown once it has begun to differ from the one before (its first month has come)
      if (round > 6 && today.isBefore(period.firstDay().plusMonths(round - 3))) {
        continue;
      }
      KpiReport report = reports.report(new ReportQuery(period, GroupBy.PROCESS, null, null));
      for (Row row : report.rows()) {
        if (row.current().started() == 0 && row.current().completed() == 0) {
          continue;
        }
        processes.computeIfAbsent(row.processKey(), k -> new ProcessFigures(k, row.name(), new ArrayList<>()))
            .rounds().add(new RoundFigures(round, period.label(), row.current().started(), row.current().completed(),
                row.current().onTimePercent()));
      }
    }
    return new Statistics(year, ThaiDates.civilDate(today), List.copyOf(processes.values()));
  }
}
