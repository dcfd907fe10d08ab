package th.go.senate.workflow.support;

import java.time.LocalDate;
import java.util.Map;

import th.go.senate.workflow.calendar.BangkokTime;

/** Valid form values for each petition task (the forms in forms/petition-*.form). */
public final class PetitionValues {

  private PetitionValues() {
  }

  public static Map<String, Object> acknowledge() {
    return Map.of("acknowledgementMethod", "LETTER", "acknowledgedOn", day("2026-11-27"));
  }

  public static Map<String, Object> triage(String category) {
    return "SENATE_REMIT".equals(category)
        ? Map.of("triageCategory", category, "committeeBureau", "burCommittee2", "triageReason", "อยู่ในอำนาจหน้าที่")
        : Map.of("triageCategory", category, "triageReason", "เหตุผลการคัดกรอง");
  }

  public static Map<String, Object> forward() {
    return Map.of("agencyName", "กรมทางหลวงชนบท", "forwardLetterNo", "สว 0012/123", "forwardedOn", day("2026-11-30"));
  }

  public static Map<String, Object> consider(String status) {
    return Map.of("considerationSummary", "คณะกรรมาธิการพิจารณาแล้ว", "considerationStatus", status);
  }

  public static Map<String, Object> progressNotice() {
    return Map.of("progressNotice", "อยู่ระหว่างขอข้อมูลจากหน่วยงาน", "noticeMethod", "LETTER", "noticeSentOn", day("2026-12-10"));
  }

  public static Map<String, Object> reply() {
    return Map.of("replySummary", "แจ้งผลการพิจารณา", "replyMethod", "EMAIL", "replySentOn", day("2026-12-20"));
  }

  public static Map<String, Object> close() {
    return Map.of("petitionOutcome", "RESOLVED");
  }

  /**
   * The fixtures' date, or the test clock's day when the clock stands before it: a test that moves the clock into
   * the past would otherwise send a date years ahead, which form/FormDateRules refuses.
   */
  private static String day(String fixed) {
    LocalDate date = LocalDate.parse(fixed);
    LocalDate today = BangkokTime.today();
    return (today.isBefore(date) ? today : date).toString();
  }
}
