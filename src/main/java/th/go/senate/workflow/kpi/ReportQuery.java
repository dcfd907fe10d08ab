package th.go.senate.workflow.kpi;

import java.util.Collection;
import java.util.Locale;

import th.go.senate.workflow.web.BadRequestException;

/**
 * What a KPI report is asked for: the round, the grouping, and optional filters ({@code null} = all processes,
 * all bureaus; an empty list of bureaus = none).
 */
public record ReportQuery(ReportPeriod period, GroupBy groupBy, String processKey, Collection<String> bureaus) {

  /** One line of the report per process, per step of a process, or per bureau (the step's candidate group). */
  public enum GroupBy {
    PROCESS, STEP, BUREAU;

    public static GroupBy parse(String value) {
      if (value == null || value.isBlank()) {
        return PROCESS;
      }
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("จัดกลุ่มได้ตาม process, step หรือ bureau เท่านั้น: '" + value
            + "'");
      }
    }
  }
}
