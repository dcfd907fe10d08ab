package th.go.senate.workflow.process.interpellation;

import static th.go.senate.workflow.process.interpellation.InterpellationIds.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import th.go.senate.workflow.process.petition.PetitionPaths.Path;
import th.go.senate.workflow.process.petition.PetitionPaths.Step;

/** Valid form values of every interpellation step, and the model's paths as steps a clerk completes (ids: {@link InterpellationIds}). */
public final class InterpellationPaths {

  private InterpellationPaths() {
  }

  /** The start form (burMeeting records the senator's written question). */
  public static Map<String, Object> filing(String answerMode, String senator, String minister, String filedOn) {
    Map<String, Object> values = new HashMap<>();
    values.put("senatorName", senator);
    values.put("minister", minister);
    values.put("questionSubject", "การซ่อมแซมถนนสายหลักในจังหวัดเชียงราย");
    values.put("questionText", "ขอถามรัฐมนตรีว่ากระทรวงมีแผนซ่อมแซมถนนสายหลักเมื่อใด");
    values.put("answerMode", answerMode);
    values.put("filedOn", filedOn);
    return values;
  }

  public static Map<String, Object> filing(String answerMode) {
    return filing(answerMode, "นายสมชาย ตัวอย่าง", "รัฐมนตรีว่าการกระทรวงคมนาคม", "2026-11-26");
  }

  public static Map<String, Object> check() {
    return Map.of("receivedNo", "รับ 123/2569", "formCheckResult", "COMPLETE");
  }

  public static Map<String, Object> admissible() {
    return Map.of("admissibility", "ADMISSIBLE", "legalOpinion", "เป็นไปตามข้อบังคับ");
  }

  public static Map<String, Object> inadmissible(String reasons) {
    return Map.of("admissibility", "INADMISSIBLE", "rejectionReasons", reasons);
  }

  public static Map<String, Object> approved() {
    return Map.of("presidentDecision", "APPROVED");
  }

  public static Map<String, Object> notApproved(String reasons) {
    return Map.of("presidentDecision", "NOT_APPROVED", "rejectionReasons", reasons);
  }

  public static Map<String, Object> rejectionNotice() {
    return Map.of("noticeMethod", "LETTER", "noticeSentOn", "2026-11-27");
  }

  public static Map<String, Object> dispatch() {
    return Map.of("dispatchLetterNo", "สว 0014/555", "dispatchedOn", "2026-11-26");
  }

  public static Map<String, Object> answer(String receivedOn) {
    return Map.of("answerReceivedOn", receivedOn, "answerLetterNo", "นร 0503/777", "answerSummary",
        "กระทรวงจะซ่อมแซมถนนในปีงบประมาณหน้า");
  }

  public static Map<String, Object> publish() {
    return Map.of("gazetteSentOn", "2026-12-28", "senatorInformedOn", "2026-12-28");
  }

  public static Map<String, Object> schedule(String slotDate) {
    return Map.of("slotDate", slotDate);
  }

  public static Map<String, Object> sitting(String outcome) {
    return "POSTPONED".equals(outcome)
        ? Map.of("sittingOutcome", outcome, "postponementReason", "รัฐมนตรีติดภารกิจ ขอเลื่อนไปตอบครั้งหน้า")
        : Map.of("sittingOutcome", outcome);
  }

  public static Map<String, Object> verbatim() {
    return Map.of("verbatimReference", "บันทึกการประชุม ครั้งที่ 12 หน้า 34", "sittingAnswerSummary",
        "รัฐมนตรีชี้แจงแผนการซ่อมแซม", "ministerCommitments", "จะรายงานความคืบหน้าภายใน 3 เดือน");
  }

  /** Intake, admissible, approved, dispatched: the common front of both answer paths. */
  public static List<Step> toDispatch() {
    return List.of(new Step(CHECK, MEETING, check()), new Step(REVIEW, LEGAL, admissible()),
        new Step(APPROVE, PRESIDENT, approved()), new Step(DISPATCH, MEETING, dispatch()));
  }

  public static Path upTo(List<Step> steps) {
    return new Path("partial", steps, null);
  }

  public static Path gazette(String receivedOn) {
    List<Step> steps = new ArrayList<>(toDispatch());
    steps.add(new Step(AWAIT_ANSWER, MEETING, answer(receivedOn)));
    steps.add(new Step(PUBLISH, MEETING, publish()));
    return new Path("gazette answered " + receivedOn, steps, END_PUBLISHED);
  }

  /** The sitting path: {@code postponements} postponements, then the final outcome of the sitting. */
  public static Path sitting(int postponements, String finalOutcome) {
    List<Step> steps = new ArrayList<>(toDispatch());
    for (int i = 0; i < postponements; i++) {
      steps.add(new Step(SCHEDULE, MEETING, schedule(mondayAfter(i))));
      steps.add(new Step(SITTING, MEETING, sitting("POSTPONED")));
    }
    steps.add(new Step(SCHEDULE, MEETING, schedule(mondayAfter(postponements))));
    steps.add(new Step(SITTING, MEETING, sitting(finalOutcome)));
    if ("ANSWERED".equals(finalOutcome)) {
      steps.add(new Step(VERBATIM, MINUTES, verbatim()));
    }
    return new Path("sitting, " + postponements + " postponement(s), " + finalOutcome, steps,
        "ANSWERED".equals(finalOutcome) ? END_ANSWERED_IN_SITTING : END_LAPSED);
  }

  public static Path inadmissible() {
    return new Path("inadmissible", List.of(new Step(CHECK, MEETING, check()),
        new Step(REVIEW, LEGAL, inadmissible("ถามเรื่องที่อยู่ระหว่างการพิจารณาของศาล")),
        new Step(NOTIFY, MEETING, rejectionNotice())), END_INADMISSIBLE);
  }

  public static Path notApproved() {
    return new Path("not approved by the President", List.of(new Step(CHECK, MEETING, check()),
        new Step(REVIEW, LEGAL, admissible()), new Step(APPROVE, PRESIDENT, notApproved("เป็นเรื่องที่เคยถามและตอบแล้ว")),
        new Step(NOTIFY, MEETING, rejectionNotice())), END_NOT_APPROVED);
  }

  /** Mondays from 7 December 2026 on (7, 14, 21 …). */
  static String mondayAfter(int weeks) {
    return java.time.LocalDate.of(2026, 12, 7).plusWeeks(weeks).toString();
  }
}
