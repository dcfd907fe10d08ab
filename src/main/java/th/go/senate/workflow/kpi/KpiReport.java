package th.go.senate.workflow.kpi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A KPI report as the API, the exports ({@link KpiExport}), the Cockpit dashboard and the public statistics
 * read it: the round, one {@link Row} per group, the total, and the monthly figures the projection is drawn
 * through. {@link KpiReportService} assembles it; its javadoc defines every figure.
 */
public record KpiReport(int fiscalYear, int round, String groupBy, String processKey, List<String> bureaus,
    LocalDate periodFrom, LocalDate periodTo, String periodLabel, OffsetDateTime asOf, List<String> ageBands,
    List<Row> rows, Row total, List<Month> months, String projectionMethod) {

  /** Upper bounds (exclusive, in calendar days) of the backlog age bands; the last band is open-ended. */
  public static final List<Integer> AGE_BAND_DAYS = List.of(3, 7, 15, 30);
  public static final List<String> AGE_BANDS = List.of("ไม่เกิน 3 วัน", "4–7 วัน", "8–15 วัน", "16–30 วัน",
      "เกิน 30 วัน");

  public static final String PROJECTION_METHOD = "แนวโน้มเชิงเส้นของร้อยละตรงเวลารายเดือน (ถ่วงน้ำหนักด้วยจำนวนงานที่เสร็จ)"
      + " ต่อไปจนสิ้นปีงบประมาณ โดยเดือนที่เหลือมีปริมาณงานเท่าค่าเฉลี่ยรายเดือนที่ผ่านมา";

  /** One line: the group, this year's figures, last year's ({@code null}: no such group then), the projection. */
  public record Row(String key, String processKey, String stepId, String bureau, String name, Figures current,
      Figures previous, Double projectedYearEndOnTimePercent) {
  }

  /**
   * The figures of one group in one period. The percentage ({@link OnTimeShare}) and the minutes are
   * {@code null} where nothing was completed; {@code backlogByAge} has one count per {@link #AGE_BANDS} entry.
   */
  public record Figures(long started, long completed, long onTime, Double onTimePercent,
      Double medianWorkingMinutes, Double p90WorkingMinutes, long breaches, long escalations, long open,
      List<Long> backlogByAge, long overdue) {
  }

  /** Steps completed in one month of the fiscal year ({@code 2016-10}, {@code ต.ค. 2559}), and how many on time. */
  public record Month(String month, String label, long completed, long onTime, Double onTimePercent) {
  }
}
