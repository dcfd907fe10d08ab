package th.go.senate.workflow.process.interpellation;

/** Where a question stands, as the register shows it (derived from the engine's history, never stored). */
public enum QuestionStatus {
  UNDER_REVIEW("อยู่ระหว่างตรวจสอบและพิจารณา"),
  INADMISSIBLE("รับไว้พิจารณาไม่ได้ (ขัดข้อบังคับ)"),
  NOT_APPROVED("ประธานวุฒิสภาไม่อนุญาต"),
  AWAITING_ANSWER("ส่งถึงรัฐมนตรีแล้ว รอคำตอบ"),
  ANSWERED("ตอบแล้ว"),
  LAPSED("กระทู้ถามตกไป"),
  CANCELLED("ยกเลิก");

  private final String thai;

  QuestionStatus(String thai) {
    this.thai = thai;
  }

  public String thai() {
    return thai;
  }
}
