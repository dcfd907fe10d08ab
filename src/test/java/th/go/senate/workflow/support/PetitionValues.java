package th.go.senate.workflow.support;

import java.util.Map;

/** Valid form values for each petition task (the forms in forms/petition-*.form). */
public final class PetitionValues {

  private PetitionValues() {
  }

  public static Map<String, Object> acknowledge() {
    return Map.of("acknowledgementMethod", "LETTER", "acknowledgedOn", "2026-11-27");
  }

  public static Map<String, Object> triage(String category) {
    return "SENATE_REMIT".equals(category)
        ? Map.of("triageCategory", category, "committeeBureau", "burCommittee2", "triageReason", "อยู่ในอำนาจหน้าที่")
        : Map.of("triageCategory", category, "triageReason", "เหตุผลการคัดกรอง");
  }

  public static Map<String, Object> forward() {
    return Map.of("agencyName", "กรมทางหลวงชนบท", "forwardLetterNo", "สว 0012/123", "forwardedOn", "2026-11-30");
  }

  public static Map<String, Object> consider(String status) {
    return Map.of("considerationSummary", "คณะกรรมาธิการพิจารณาแล้ว", "considerationStatus", status);
  }

  public static Map<String, Object> progressNotice() {
    return Map.of("progressNotice", "อยู่ระหว่างขอข้อมูลจากหน่วยงาน", "noticeMethod", "LETTER", "noticeSentOn", "2026-12-10");
  }

  public static Map<String, Object> reply() {
    return Map.of("replySummary", "แจ้งผลการพิจารณา", "replyMethod", "EMAIL", "replySentOn", "2026-12-20");
  }

  public static Map<String, Object> close() {
    return Map.of("petitionOutcome", "RESOLVED");
  }
}
