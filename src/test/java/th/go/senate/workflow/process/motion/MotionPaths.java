package th.go.senate.workflow.process.motion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import th.go.senate.workflow.process.petition.PetitionPaths.Path;
import th.go.senate.workflow.process.petition.PetitionPaths.Step;

/** The motion model's ids, valid form values of every step, and its paths as steps a clerk completes. */
public final class MotionPaths {

  public static final String CHECK = "Task_CheckMotion";
  public static final String REVIEW = "Task_ReviewMotionAdmissibility";
  public static final String DECIDE = "Task_DecideMotion";
  public static final String SCHEDULE = "Task_ScheduleMotion";
  public static final String SITTING = "Task_RecordMotionSitting";
  public static final String MINUTES = "Task_RecordMotionMinutes";
  public static final String NOTIFY_CABINET = "Task_NotifyCabinet";
  public static final String NOTIFY_PROPOSER = "Task_NotifyMotionProposer";

  public static final String END_CABINET_NOTIFIED = "EndEvent_CabinetNotified";
  public static final String END_CONCLUDED = "EndEvent_MotionConcluded";
  public static final String END_WITHDRAWN = "EndEvent_MotionWithdrawn";
  public static final String END_RETURNED = "EndEvent_MotionReturned";
  public static final String END_INADMISSIBLE = "EndEvent_MotionInadmissible";
  public static final String END_NOT_APPROVED = "EndEvent_MotionNotApproved";
  public static final List<String> ENDS = List.of(END_CABINET_NOTIFIED, END_CONCLUDED, END_WITHDRAWN, END_RETURNED,
      END_INADMISSIBLE, END_NOT_APPROVED);

  public static final String GENERAL_DEBATE = "GENERAL_DEBATE";
  public static final String ORDINARY = "ORDINARY";

  static final String MEETING = "burMeeting";
  static final String LEGAL = "burLegal";
  static final String PRESIDENT = "officePresident";
  static final String MINUTES_BUREAU = "burMinutes";

  private MotionPaths() {
  }

  /** The start form: a motion of {@code type} with {@code signatures} of {@code existing} senators, filed on {@code filedOn}. */
  public static Map<String, Object> filing(String type, int existing, int signatures, String filedOn) {
    Map<String, Object> values = new HashMap<>();
    values.put("motionType", type);
    values.put("senatorName", "นายสมชาย ตัวอย่าง");
    values.put("senatorContact", "02-831-0000");
    values.put("subject", GENERAL_DEBATE.equals(type) ? "ขอเปิดอภิปรายทั่วไปเรื่องปัญหาหนี้ครัวเรือน"
        : "ขอให้วุฒิสภาตั้งคณะกรรมาธิการศึกษาปัญหาฝุ่นละออง PM2.5");
    values.put("motionText", "ด้วยปัญหาดังกล่าวส่งผลกระทบต่อประชาชนอย่างกว้างขวาง จึงเสนอญัตติเพื่อให้วุฒิสภาพิจารณา");
    values.put("existingSenators", existing);
    values.put("signatureCount", signatures);
    values.put("urgent", "NO");
    if (!GENERAL_DEBATE.equals(type)) {
      values.put("cabinetNoticeRequested", "YES");
    }
    values.put("filedOn", filedOn);
    return values;
  }

  public static Map<String, Object> check(int verified) {
    return Map.of("receivedNo", "รับ 45/2569", "verifiedSignatures", verified, "checkResult", "COMPLETE");
  }

  public static Map<String, Object> returned(int verified) {
    return Map.of("receivedNo", "รับ 46/2569", "verifiedSignatures", verified, "checkResult", "RETURN",
        "returnReasons", "ลายมือชื่อผู้รับรองไม่ครบตามจำนวนที่กำหนด");
  }

  public static Map<String, Object> admissible() {
    return Map.of("admissibility", "ADMISSIBLE", "legalOpinion", "เป็นไปตามรัฐธรรมนูญและข้อบังคับ");
  }

  public static Map<String, Object> inadmissible() {
    return Map.of("admissibility", "INADMISSIBLE", "rejectionReasons", "เป็นเรื่องที่อยู่ระหว่างการพิจารณาของศาล");
  }

  public static Map<String, Object> approved() {
    return Map.of("presidentDecision", "APPROVED");
  }

  public static Map<String, Object> notApproved() {
    return Map.of("presidentDecision", "NOT_APPROVED", "rejectionReasons", "ซ้ำกับญัตติที่อยู่ในระเบียบวาระแล้ว");
  }

  public static Map<String, Object> schedule(String sittingDate) {
    return Map.of("whipMeetingRef", "ครั้งที่ 12 วันที่ 2 มีนาคม", "sittingDate", sittingDate, "agendaItem", "4.1");
  }

  public static Map<String, Object> debated() {
    return Map.of("sittingOutcome", "CONSIDERED", "outcomeSummary", "คณะรัฐมนตรีชี้แจงข้อเท็จจริงต่อที่ประชุม");
  }

  public static Map<String, Object> resolved(String resolution) {
    return Map.of("sittingOutcome", "CONSIDERED", "senateResolution", resolution, "outcomeSummary", "ที่ประชุมพิจารณาแล้ว");
  }

  public static Map<String, Object> postponed() {
    return Map.of("sittingOutcome", "POSTPONED", "outcomeSummary", "เลื่อนไปเพราะมีเรื่องด่วน");
  }

  public static Map<String, Object> withdrawn() {
    return Map.of("sittingOutcome", "WITHDRAWN", "outcomeSummary", "ผู้เสนอขอถอนญัตติ");
  }

  public static Map<String, Object> minutes() {
    return Map.of("minutesReference", "บันทึกการประชุม ครั้งที่ 12 หน้า 20", "debateSummary", "สมาชิกอภิปรายและรัฐมนตรีชี้แจง");
  }

  public static Map<String, Object> cabinetNotice() {
    return Map.of("cabinetLetterNo", "สว 0014/321", "cabinetNotifiedOn", "2026-12-01");
  }

  public static Map<String, Object> proposerNotice() {
    return Map.of("noticeMethod", "LETTER", "noticeSentOn", "2026-12-01");
  }

  /** The day after {@code filedOn} plus {@code days}, as the form submits it. */
  static String daysAfter(String filedOn, int days) {
    return LocalDate.parse(filedOn).plusDays(days).toString();
  }

  /** Checked, admissible and put on the agenda by the President: the common front of every sitting path. */
  public static List<Step> toAgenda(int verified) {
    return List.of(new Step(CHECK, MEETING, check(verified)), new Step(REVIEW, LEGAL, admissible()),
        new Step(DECIDE, PRESIDENT, approved()));
  }

  public static Path upTo(List<Step> steps) {
    return new Path("partial", steps, null);
  }

  /** A general debate held on the sitting a week after filing; the Cabinet is always told. */
  public static Path generalDebate(String filedOn, int postponements) {
    List<Step> steps = new ArrayList<>(toAgenda(67));
    for (int i = 0; i < postponements; i++) {
      steps.add(new Step(SCHEDULE, MEETING, schedule(daysAfter(filedOn, 7 * (i + 1)))));
      steps.add(new Step(SITTING, MEETING, postponed()));
    }
    steps.add(new Step(SCHEDULE, MEETING, schedule(daysAfter(filedOn, 7 * (postponements + 1)))));
    steps.add(new Step(SITTING, MEETING, debated()));
    steps.add(new Step(MINUTES, MINUTES_BUREAU, minutes()));
    steps.add(new Step(NOTIFY_CABINET, MEETING, cabinetNotice()));
    return new Path("general debate filed " + filedOn + ", " + postponements + " postponement(s)", steps,
        END_CABINET_NOTIFIED);
  }

  /** An ordinary motion resolved at its sitting; the Cabinet is told when the motion asked for it. */
  public static Path ordinary(String filedOn, boolean cabinetNotice) {
    List<Step> steps = new ArrayList<>(toAgenda(5));
    steps.add(new Step(SCHEDULE, MEETING, schedule(daysAfter(filedOn, 7))));
    steps.add(new Step(SITTING, MEETING, resolved("ADOPTED")));
    steps.add(new Step(MINUTES, MINUTES_BUREAU, minutes()));
    if (cabinetNotice) {
      steps.add(new Step(NOTIFY_CABINET, MEETING, cabinetNotice()));
    }
    return new Path("ordinary motion filed " + filedOn + (cabinetNotice ? ", Cabinet told" : ", no Cabinet notice"), steps,
        cabinetNotice ? END_CABINET_NOTIFIED : END_CONCLUDED);
  }

  public static Path withdrawnAtSitting(String filedOn) {
    List<Step> steps = new ArrayList<>(toAgenda(5));
    steps.add(new Step(SCHEDULE, MEETING, schedule(daysAfter(filedOn, 7))));
    steps.add(new Step(SITTING, MEETING, withdrawn()));
    return new Path("withdrawn at the sitting", steps, END_WITHDRAWN);
  }

  public static Path returnedForSignatures() {
    return new Path("returned: too few valid signatures", List.of(new Step(CHECK, MEETING, returned(3)),
        new Step(NOTIFY_PROPOSER, MEETING, proposerNotice())), END_RETURNED);
  }

  public static Path inadmissiblePath() {
    return new Path("inadmissible", List.of(new Step(CHECK, MEETING, check(5)), new Step(REVIEW, LEGAL, inadmissible()),
        new Step(NOTIFY_PROPOSER, MEETING, proposerNotice())), END_INADMISSIBLE);
  }

  public static Path notApprovedPath() {
    return new Path("not put on the agenda by the President", List.of(new Step(CHECK, MEETING, check(5)),
        new Step(REVIEW, LEGAL, admissible()), new Step(DECIDE, PRESIDENT, notApproved()),
        new Step(NOTIFY_PROPOSER, MEETING, proposerNotice())), END_NOT_APPROVED);
  }
}
