package th.go.senate.workflow.sla;

/**
 * A case-level deadline that a process counts on the calendar (e.g. a bill's deemed-approval limit): the
 * process's planner bean declares its timer here, so {@link SlaReplanner} recalculates exactly that timer
 * when holidays or sessions change (before the SLA timers, since the case deadline caps the due dates of
 * the case's tasks). The process sits above sla and implements this; sla names no process.
 */
public interface CaseDeadline {

  /** Key of the process whose model holds the timer. */
  String processKey();

  /** Id of the timer event (e.g. a boundary event) whose date the planner computes. */
  String timerActivityId();
}
