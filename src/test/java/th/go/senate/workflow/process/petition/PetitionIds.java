package th.go.senate.workflow.process.petition;

/** The ids of the petition model (bpmn/petition.bpmn) the tests name, once. */
public final class PetitionIds {

  public static final String PROCESS = "petition";
  public static final String START = "StartEvent_PetitionReceived";

  public static final String ACKNOWLEDGE = "Task_AcknowledgePetition";
  public static final String TRIAGE = "Task_TriagePetition";
  public static final String FORWARD = "Task_ForwardToAgency";
  public static final String CONSIDER = "Task_ConsiderPetition";
  public static final String PROGRESS_NOTICE = "Task_SendProgressNotice";
  public static final String REPLY = "Task_ReplyToPetitioner";
  public static final String CLOSE = "Task_ClosePetition";

  public static final String END_CLOSED = "EndEvent_PetitionClosed";
  public static final String END_FORWARDED = "EndEvent_PetitionForwarded";
  public static final String END_HANDED_OVER = "EndEvent_HandedOverToComplaint";

  /** The group of the Office of the Senate President, which receives, triages and closes petitions. */
  public static final String OFFICE = "officePresident";

  private PetitionIds() {
  }
}
