package th.go.senate.workflow.process.interpellation;

import java.util.List;

/** The ids of the interpellation model (bpmn/interpellation.bpmn) the tests name, once, and its groups. */
public final class InterpellationIds {

  public static final String PROCESS = "interpellation";

  public static final String CHECK = "Task_CheckQuestionForm";
  public static final String REVIEW = "Task_ReviewAdmissibility";
  public static final String APPROVE = "Task_ApproveQuestion";
  public static final String NOTIFY = "Task_NotifySenatorOfRejection";
  public static final String DISPATCH = "Task_DispatchToMinister";
  public static final String AWAIT_ANSWER = "Task_AwaitWrittenAnswer";
  public static final String PUBLISH = "Task_PublishAnswer";
  public static final String SCHEDULE = "Task_ScheduleQuestion";
  public static final String SITTING = "Task_RecordSittingOutcome";
  public static final String VERBATIM = "Task_RecordVerbatim";

  public static final String END_PUBLISHED = "EndEvent_AnswerPublished";
  public static final String END_ANSWERED_IN_SITTING = "EndEvent_QuestionAnsweredInSitting";
  public static final String END_LAPSED = "EndEvent_QuestionLapsed";
  public static final String END_INADMISSIBLE = "EndEvent_QuestionInadmissible";
  public static final String END_NOT_APPROVED = "EndEvent_QuestionNotApproved";
  public static final List<String> ENDS = List.of(END_PUBLISHED, END_ANSWERED_IN_SITTING, END_LAPSED,
      END_INADMISSIBLE, END_NOT_APPROVED);

  public static final String MEETING = "burMeeting";
  public static final String LEGAL = "burLegal";
  public static final String PRESIDENT = "officePresident";
  public static final String MINUTES = "burMinutes";

  private InterpellationIds() {
  }
}
