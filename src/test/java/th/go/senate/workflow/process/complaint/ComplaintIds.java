package th.go.senate.workflow.process.complaint;

/** The ids of the complaint and integrity-case models (bpmn/complaint.bpmn, bpmn/integrityCase.bpmn) the tests name, once. */
public final class ComplaintIds {

  public static final String PROCESS = "complaint";

  public static final String CLASSIFY = "Task_ClassifyComplaint";
  public static final String ROUTE = "Activity_RouteComplaint";
  public static final String INVESTIGATE = "Task_InvestigateComplaint";
  public static final String CLOSE = "Task_CloseComplaint";
  public static final String INFORM_SUPERVISOR = "Task_InformSupervisor";
  public static final String RECORD_COMPLIMENT = "Task_RecordCompliment";

  public static final String END_CLOSED = "EndEvent_ComplaintClosed";
  public static final String END_HANDED_OVER_TO_INTEGRITY = "EndEvent_HandedOverToIntegrity";

  /** The group that registers, classifies and closes complaints. */
  public static final String INTAKE = "burCentralAdmin";

  public static final String INTEGRITY_PROCESS = "integrityCase";
  public static final String PRELIMINARY_REVIEW = "Task_PreliminaryReview";
  public static final String REFER_TO_AGENCY = "Task_ReferToAntiCorruptionAgency";
  /** The group that works integrity cases. */
  public static final String INTERNAL_AUDIT = "grpInternalAudit";

  private ComplaintIds() {
  }
}
