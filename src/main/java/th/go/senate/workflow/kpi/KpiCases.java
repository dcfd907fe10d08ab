package th.go.senate.workflow.kpi;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import th.go.senate.workflow.web.BadRequestException;

/**
 * The cases behind one figure of a KPI report ({@code GET /api/kpi/cases}): the steps a figure counts, one line
 * each, with the case's reference number, so that a manager goes from "late steps of a bureau" to the cases in one
 * click. {@code total} is what the report's figure says; {@code steps} holds the first {@code limit} of them;
 * {@code withheld} are steps of protected processes the caller may count but not list.
 */
public record KpiCases(int fiscalYear, int round, String periodLabel, OffsetDateTime asOf, String measure,
    String measureLabel, String processKey, String stepId, String bureau, long total, long withheld, int limit,
    List<Step> steps) {

  /** The figures of a report row that can be opened, each the same count as the report's figure of that name. */
  public enum Measure {
    /** Completed in the round, not on time: the report's {@code completed − onTime}. */
    LATE("งานที่เสร็จเกินกำหนด"),
    /** Open at the report's instant and past the due time: the report's {@code overdue}. */
    OVERDUE("งานค้างที่เกินกำหนด"),
    /** Open at the report's instant: the report's {@code open}. */
    OPEN("งานค้าง");

    private final String labelTh;

    Measure(String labelTh) {
      this.labelTh = labelTh;
    }

    public String labelTh() {
      return labelTh;
    }

    public static Measure parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new BadRequestException("เลือกรายการได้เฉพาะ late (เสร็จเกินกำหนด), overdue (ค้างเกินกำหนด) หรือ open"
            + " (งานค้าง): '" + value + "'");
      }
    }
  }

  /**
   * One step behind the figure. {@code taskId} is set while the step is open (Tasklist opens it); {@code caseOpen}
   * tells whether the case still runs (Cockpit opens a running instance); minutes are working minutes.
   */
  public record Step(String processInstanceId, String processKey, String processName, String businessKey,
      String stepId, String stepName, String bureau, String bureauName, String taskId, String assignee,
      OffsetDateTime createdAt, OffsetDateTime dueAt, OffsetDateTime completedAt, Integer workingMinutes,
      boolean caseOpen) {
  }
}
