package th.go.senate.workflow.kpi;

/** How an indicator is measured from the KPI facts over a round's window; every measure is a percentage. */
public enum KpiMeasure {

  /** Share of the process's user tasks completed in the window that met their SLA (kpi_step_fact). */
  ON_TIME_PERCENT("ร้อยละของขั้นตอนที่แล้วเสร็จภายในเวลามาตรฐาน"),

  /** Share of the process's cases ended in the window within their legal limit (kpi_case_fact, not cancelled). */
  CASES_WITHIN_LIMIT_PERCENT("ร้อยละของเรื่องที่แล้วเสร็จภายในกำหนด");

  private final String nameTh;

  KpiMeasure(String nameTh) {
    this.nameTh = nameTh;
  }

  public String nameTh() {
    return nameTh;
  }
}
