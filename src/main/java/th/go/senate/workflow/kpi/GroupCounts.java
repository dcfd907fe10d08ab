package th.go.senate.workflow.kpi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import th.go.senate.workflow.kpi.ReportQuery.GroupBy;

/**
 * The counts of one group of a report in one period, as the statements of {@link KpiReportQueries} return them.
 * Additive: each statement gives part of a group's counts and {@link #plus} puts them together; every step
 * belongs to exactly one group, so the groups added up are the total (the working-minutes distributions merge).
 *
 * <p>The group is named by its key columns: {@code processKey} (by process), {@code processKey} and
 * {@code stepId} (by step), or {@code bureau} (by bureau, {@code null} for steps with no candidate group).
 */
record GroupCounts(String processKey, String stepId, String bureau, String stepName, OnTimeShare completions,
    WorkingMinutes minutes, long started, long escalations, long breaches, long open, List<Long> backlogByAge,
    long overdue) {

  /** A group with nothing counted yet. */
  static GroupCounts of(String processKey, String stepId, String bureau) {
    return new GroupCounts(processKey, stepId, bureau, null, new OnTimeShare(0, 0), new WorkingMinutes(), 0, 0, 0,
        0, Collections.nCopies(KpiReport.AGE_BANDS.size(), 0L), 0);
  }

  /** The report's key of the group: the process key, {@code processKey/stepId}, or the bureau ({@code -}: none). */
  String key(GroupBy groupBy) {
    return switch (groupBy) {
      case PROCESS -> processKey;
      case STEP -> processKey + "/" + stepId;
      case BUREAU -> Objects.toString(bureau, "-");
    };
  }

  /** Both counts together; the group and step name are this one's (the other's name if this has none). */
  GroupCounts plus(GroupCounts other) {
    List<Long> bands = new ArrayList<>(backlogByAge);
    for (int band = 0; band < bands.size(); band++) {
      bands.set(band, bands.get(band) + other.backlogByAge.get(band));
    }
    return new GroupCounts(processKey, stepId, bureau, stepName != null ? stepName : other.stepName,
        completions.plus(other.completions), minutes.plus(other.minutes), started + other.started,
        escalations + other.escalations, breaches + other.breaches, open + other.open, List.copyOf(bands),
        overdue + other.overdue);
  }

  /** The same group with the counts of its completed steps: how many, how many on time, their minutes. */
  GroupCounts withCompleted(OnTimeShare share, WorkingMinutes distribution) {
    return new GroupCounts(processKey, stepId, bureau, stepName, share, distribution, started, escalations,
        breaches, open, backlogByAge, overdue);
  }

  GroupCounts withStepName(String name) {
    return new GroupCounts(processKey, stepId, bureau, name, completions, minutes, started, escalations, breaches,
        open, backlogByAge, overdue);
  }
}
