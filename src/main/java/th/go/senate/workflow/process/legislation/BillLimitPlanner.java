package th.go.senate.workflow.process.legislation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.identity.SystemAuthority;
import th.go.senate.workflow.kpi.KpiRecorder;
import th.go.senate.workflow.sla.CaseDeadline;
import th.go.senate.workflow.sla.SlaPlanner;
import th.go.senate.workflow.web.Refusal;

/**
 * A bill's legal limit, counted by the one due-date planner from the arrival day on the calendar of its
 * type ({@code billLimit} decision table), plus the one extension the Senate granted, if any. The model's
 * deemed-approval timer asks {@code ${billLimitPlanner.deemedApprovalAt(execution)}}; the SLA re-planner
 * recalculates it when holidays or sessions change, and {@link #replan} when the bill is reclassified or
 * extended.
 */
@Component("billLimitPlanner")
public class BillLimitPlanner implements CaseDeadline {

  public static final String PROCESS_KEY = "legislation";
  public static final String BILL_TYPE = "billType";
  public static final String ARRIVAL_DATE = "arrivalDate";
  public static final String EXTENSION_DAYS = "extensionDays";
  public static final String REQUEST_EXTENSION = "requestExtension";
  public static final String EXTENSION_GRANTED = "extensionGranted";
  public static final String SENATE_DECISION = "senateDecision";
  public static final String DEEMED_APPROVED = "DEEMED_APPROVED";
  /** The deadline as staff read it (Thai, Buddhist Era), shown on every form of the bill. */
  public static final String LEGAL_DEADLINE_TEXT = "legalDeadlineText";
  /** The deadline that was in force when the Senate's consideration ended (kept for the record). */
  public static final String FINAL_DEADLINE = "legalDeadlineFinal";
  public static final String DEEMED_APPROVAL_TIMER = "BoundaryEvent_DeemedApproved";
  public static final String YES = "YES";

  private final DueDatePlanner planner;
  private final BillLimitService limits;
  private final ManagementService managementService;
  private final SystemAuthority systemAuthority;

  public BillLimitPlanner(DueDatePlanner planner, BillLimitService limits, @Lazy ManagementService managementService,
      SystemAuthority systemAuthority) {
    this.planner = planner;
    this.limits = limits;
    this.managementService = managementService;
    this.systemAuthority = systemAuthority;
  }

  /** The deemed-approval timer is the bill's case deadline: re-counted when holidays or sessions change. */
  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public String timerActivityId() {
    return DEEMED_APPROVAL_TIMER;
  }

  /**
   * The end of the Senate's time: {@code limitDays} of the type's calendar counted from the arrival day
   * (day 1), then the extension's days added on the same calendar to that deadline.
   */
  public Instant legalDeadline(String billType, LocalDate arrival, int extensionDays) {
    BillLimit limit = limits.limitFor(billType);
    Instant deadline = planner.due(BangkokTime.startOf(arrival), limit.limitDays(),
        limit.calendar());
    if (extensionDays > 0) {
      // The deadline is 24:00 of its last day, i.e. the start of the next day: that day is day 1 of the extension.
      deadline = planner.due(deadline, extensionDays, limit.calendar());
    }
    return deadline;
  }

  /**
   * The deemed-approval timer's date. Evaluated when the consideration starts and whenever the timer is
   * recalculated; it also refreshes the case's legal deadline, which caps every task's due date.
   */
  public Date deemedApprovalAt(DelegateExecution execution) {
    LocalDate arrival = arrivalDate(execution);
    LocalDate today = BangkokTime.today();
    if (arrival.isAfter(today)) {
      throw new Refusal("วันที่ร่างพระราชบัญญัติมาถึงวุฒิสภา " + ThaiDates.date(arrival) + " อยู่หลังวันนี้ (" + ThaiDates.date(today)
          + ") — ยังไม่ได้บันทึกข้อมูลใด ๆ");
    }
    Instant deadline = legalDeadline(billType(execution), arrival, extensionDays(execution));
    execution.setVariable(SlaPlanner.CASE_DEADLINE_VARIABLE, Date.from(deadline));
    execution.setVariable(LEGAL_DEADLINE_TEXT, thai(deadline));
    return Date.from(deadline);
  }

  /**
   * After a reclassification or an extension: checks the extension against the bill type's limit and
   * recalculates the deemed-approval timer (which recounts from the arrival day).
   */
  public void replan(DelegateExecution execution) {
    int extension = extensionDays(execution);
    if (extension > 0) {
      BillLimit limit = limits.limitFor(billType(execution));
      if (extension > limit.maxExtensionDays()) {
        throw new Refusal("ขยายเวลาได้ไม่เกิน " + limit.maxExtensionDays() + " วัน สำหรับร่างประเภท "
            + limit.billType() + " (ได้รับ " + extension + " วัน) — ยังไม่ได้บันทึกข้อมูลใด ๆ");
      }
      execution.setVariable(EXTENSION_GRANTED, YES);
    }
    // The clerk who completed the step may not manage jobs; the re-planning is the platform's, not theirs.
    systemAuthority.run(() -> {
      for (Job job : managementService.createJobQuery().processInstanceId(execution.getProcessInstanceId())
          .activityId(DEEMED_APPROVAL_TIMER).list()) {
        managementService.recalculateJobDuedate(job.getId(), false);
      }
    });
  }

  /** Gateway after the committee: it asked for more time, none was granted yet, and the bill type allows it. */
  public boolean mayExtend(DelegateExecution execution) {
    return YES.equals(execution.getVariable(REQUEST_EXTENSION)) && !YES.equals(execution.getVariable(EXTENSION_GRANTED))
        && limits.limitFor(billType(execution)).maxExtensionDays() > 0;
  }

  /** The Senate decided before its time ran out (taken when the consideration ends normally). */
  public void decidedInTime(DelegateExecution execution) {
    Instant now = BangkokTime.now();
    Instant deadline = legalDeadline(billType(execution), arrivalDate(execution), extensionDays(execution));
    boolean inTime = !now.isAfter(deadline);
    LocalDate lastDay = inTime ? BangkokTime.dateOf(now) : lastDayOf(deadline);
    closeConsideration(execution, inTime, lastDay, deadline);
  }

  /** The Senate's time ran out: the bill is deemed approved (s.137, s.143) and the House is told so. */
  public void deemedApproved(DelegateExecution execution) {
    Instant deadline = legalDeadline(billType(execution), arrivalDate(execution), extensionDays(execution));
    execution.setVariable(SENATE_DECISION, DEEMED_APPROVED);
    closeConsideration(execution, false, lastDayOf(deadline), deadline);
  }

  private void closeConsideration(DelegateExecution execution, boolean limitMet, LocalDate lastDay, Instant deadline) {
    BillLimit limit = limits.limitFor(billType(execution));
    execution.setVariable(KpiRecorder.LEGAL_LIMIT_MET_VARIABLE, limitMet);
    execution.setVariable(KpiRecorder.LIMIT_DAYS_USED_VARIABLE,
        planner.daysCounted(arrivalDate(execution), lastDay, limit.calendar()));
    execution.setVariable(FINAL_DEADLINE, Date.from(deadline));
    // The limit binds the Senate's consideration only: the steps after it have their own SLA.
    execution.removeVariable(SlaPlanner.CASE_DEADLINE_VARIABLE);
  }

  /** The last day of a deadline that ends at 24:00 (the instant is the next day's start). */
  static LocalDate lastDayOf(Instant deadline) {
    return BangkokTime.dateOf(deadline.minusSeconds(1));
  }

  /** A deadline as staff read it: "24.00 น. ของวันที่ 27 มีนาคม พ.ศ. 2589". */
  public static String thai(Instant deadline) {
    LocalDate day = lastDayOf(deadline);
    return "24.00 น. ของวันที่ " + ThaiDates.longDate(day);
  }

  static String billType(DelegateExecution execution) {
    Object type = execution.getVariable(BILL_TYPE);
    return type == null ? null : type.toString();
  }

  static LocalDate arrivalDate(DelegateExecution execution) {
    Object value = execution.getVariable(ARRIVAL_DATE);
    if (value == null || value.toString().isBlank()) {
      throw new Refusal("ต้องระบุวันที่ร่างพระราชบัญญัติมาถึงวุฒิสภา");
    }
    LocalDate arrival = BangkokTime.date(value);
    if (arrival == null) {
      throw new Refusal("วันที่ร่างพระราชบัญญัติมาถึงวุฒิสภา '" + value + "' ไม่ถูกต้อง ใช้รูปแบบ ปปปป-ดด-วว");
    }
    return arrival;
  }

  static int extensionDays(DelegateExecution execution) {
    Object value = execution.getVariable(EXTENSION_DAYS);
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value == null || value.toString().isBlank()) {
      return 0;
    }
    try {
      return (int) Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      throw new Refusal("จำนวนวันที่ขยาย '" + value + "' ต้องเป็นตัวเลข");
    }
  }
}
