package th.go.senate.workflow.process.legislation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.web.Refusal;

/**
 * The Senate rules' notice period: the sitting notice goes out at least {@code sittingNoticeDays} (bill-limit
 * table, 3 by default) before the sitting at which the bill is on the agenda. A rule between two fields
 * that a form cannot state; the form's own checks (required, date format) run first in the spine's validator.
 * A complete listener of Task_ScheduleAgenda: a violation refuses the completion and saves nothing.
 */
@Component("sittingNoticeRule")
public class SittingNoticeRule {

  public static final String SITTING_DATE = "sittingDate";
  public static final String NOTICE_DATE = "noticeDate";

  private final BillLimitService limits;

  public SittingNoticeRule(BillLimitService limits) {
    this.limits = limits;
  }

  public void check(DelegateTask task) {
    LocalDate sitting = date(task.getVariable(SITTING_DATE));
    LocalDate notice = date(task.getVariable(NOTICE_DATE));
    if (sitting == null || notice == null) {
      return; // the form validator has already refused a missing or malformed date
    }
    int required = limits.limitFor(BillLimitPlanner.billType(task.getExecution())).sittingNoticeDays();
    long days = ChronoUnit.DAYS.between(notice, sitting);
    if (days < required) {
      throw new Refusal("ต้องแจ้งนัดประชุมล่วงหน้าอย่างน้อย " + required + " วันก่อนวันประชุม (แจ้งวันที่ "
          + ThaiDates.date(notice) + " ประชุมวันที่ " + ThaiDates.date(sitting) + " ห่างกัน " + days + " วัน) — ยังไม่ได้บันทึกข้อมูลใด ๆ");
    }
  }

  private static LocalDate date(Object value) {
    return BangkokTime.date(value);
  }
}
