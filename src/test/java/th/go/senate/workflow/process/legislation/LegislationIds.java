package th.go.senate.workflow.process.legislation;

/** The ids of the legislation model (bpmn/legislation.bpmn) the tests name, once, and its groups. */
public final class LegislationIds {

  public static final String PROCESS = "legislation";

  public static final String CLASSIFY = "Task_ClassifyBill";
  public static final String REPLAN_AFTER_CLASSIFICATION = "Task_ReplanAfterClassification";
  public static final String LEGAL_BRIEF = "Task_PrepareLegalBrief";
  public static final String ACADEMIC_BRIEF = "Task_PrepareAcademicBrief";
  public static final String PRINT_BILL = "Task_PrintBill";
  public static final String SCHEDULE_AGENDA = "Task_ScheduleAgenda";
  public static final String CONSIDER_BUDGET_BILL = "Task_ConsiderBudgetBill";
  public static final String FIRST_READING = "Task_FirstReading";
  public static final String COMMITTEE_SCRUTINY = "Task_CommitteeScrutiny";
  public static final String RECORD_EXTENSION = "Task_RecordExtension";
  public static final String COMMITTEE_MINUTES = "Task_RecordCommitteeMinutes";
  public static final String PRINT_COMMITTEE_REPORT = "Task_PrintCommitteeReport";
  public static final String SECOND_THIRD_READING = "Task_SecondThirdReading";
  public static final String NOTIFY_HOUSE = "Task_NotifyHouse";
  public static final String HOUSE_RESOLUTION = "Task_RecordHouseResolution";
  public static final String JOINT_COMMITTEE = "Task_JointCommittee";
  public static final String PUBLISH_RESULT = "Task_PublishResult";

  public static final String END_BILL_APPROVED = "EndEvent_BillApproved";
  public static final String END_BILL_WITHHELD = "EndEvent_BillWithheld";
  public static final String END_AMENDMENTS_AGREED = "EndEvent_AmendmentsAgreed";
  public static final String END_JOINT_COMMITTEE_REPORTED = "EndEvent_JointCommitteeReported";
  public static final String END_DEEMED_APPROVED = "EndEvent_DeemedApproved";

  public static final String MEETING = "burMeeting";
  public static final String LEGAL = "burLegal";
  public static final String ACADEMIC = "burAcademic";
  public static final String PRINTING = "burPrinting";
  public static final String MINUTES = "burMinutes";
  public static final String IT = "burIt";

  private LegislationIds() {
  }
}
