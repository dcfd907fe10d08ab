package th.go.senate.workflow.process.interpellation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.kpi.KpiRecorder;
import th.go.senate.workflow.web.Refusal;

/**
 * What the interpellation model needs beyond the spine ({@code ${interpellationRules}} in
 * bpmn/interpellation.bpmn): the process-specific form checks that a .form file cannot express (a Monday
 * question slot; an answer date neither in the future nor before dispatch), whether a written answer came
 * within its limit, and the postponement counter of the sitting path. The complete listeners run after the
 * spine's own form validation and KPI recording, in the same transaction: a rejection rolls back all of it.
 */
@Component("interpellationRules")
public class InterpellationRules {

  private static final Logger LOG = LoggerFactory.getLogger(InterpellationRules.class);

  public static final String PROCESS_KEY = "interpellation";
  public static final String POSTPONEMENTS = "postponements";
  public static final String PRIORITY = "priority";

  private static final Locale THAI = Locale.forLanguageTag("th-TH");

  /** Complete listener of Task_ScheduleQuestion: questions answered in the sitting go on a Monday slot. */
  public void slotChosen(DelegateTask task) {
    LocalDate slot = date(task, "slotDate", "วันประชุมที่บรรจุกระทู้ถาม");
    if (slot.getDayOfWeek() != DayOfWeek.MONDAY) {
      reject(task, "\"วันประชุมที่บรรจุกระทู้ถาม\" ต้องเป็นวันจันทร์ซึ่งเป็นวันประชุมที่มีช่วงกระทู้ถาม (วันที่ " + ThaiDates.date(slot) + " เป็น"
          + slot.getDayOfWeek().getDisplayName(TextStyle.FULL, THAI) + ")",
          "question slots are on Mondays; " + slot + " is a " + slot.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }
  }

  /**
   * Complete listener of Task_AwaitWrittenAnswer: the answer date must be plausible, and the case records
   * whether it came within the limit, i.e. before the end of the task's due day (the SLA policy's 30
   * calendar days from dispatch by default). The KPI recorder reads {@code legalLimitMet} at the end.
   */
  public void answerReceived(DelegateTask task) {
    LocalDate received = date(task, "answerReceivedOn", "วันที่ได้รับคำตอบ");
    LocalDate today = BangkokTime.today();
    LocalDate dispatched = BangkokTime.dateOf(task.getCreateTime().toInstant());
    if (received.isAfter(today)) {
      reject(task, "\"วันที่ได้รับคำตอบ\" ต้องไม่เกินวันนี้ (" + ThaiDates.date(today) + ")", "answer date " + received + " is in the future");
    }
    if (received.isBefore(dispatched)) {
      reject(task, "\"วันที่ได้รับคำตอบ\" ต้องไม่ก่อนวันที่ส่งกระทู้ถามถึงรัฐมนตรี (" + ThaiDates.date(dispatched) + ")",
          "answer date " + received + " is before the dispatch on " + dispatched);
    }
    Date due = task.getDueDate();
    boolean inTime = due == null || BangkokTime.startOf(received).isBefore(due.toInstant());
    ((ExecutionEntity) task.getExecution()).getProcessInstance()
        .setVariable(KpiRecorder.LEGAL_LIMIT_MET_VARIABLE, inTime);
  }

  /** Taken when the question goes to the sitting: no postponement yet, no priority. */
  public void sittingPathEntered(DelegateExecution execution) {
    execution.setVariable(POSTPONEMENTS, 0);
    execution.setVariable(PRIORITY, false);
  }

  /** Taken when the sitting postponed the question: it is asked first at the next slot. */
  public void postponed(DelegateExecution execution) {
    Object count = execution.getVariable(POSTPONEMENTS);
    execution.setVariable(POSTPONEMENTS, (count instanceof Number n ? n.intValue() : 0) + 1);
    execution.setVariable(PRIORITY, true);
  }

  /** A date form value (form-js submits "YYYY-MM-DD"; the engine API may pass a Date). */
  static LocalDate toDate(Object value) {
    return BangkokTime.date(value);
  }

  private static LocalDate date(DelegateTask task, String key, String label) {
    LocalDate date = toDate(task.getVariable(key));
    if (date == null) {
      // The spine's form validation has already refused a missing or malformed date; this is a second lock.
      reject(task, "กรุณากรอก \"" + label + "\" ให้เป็นวันที่ที่ถูกต้อง", "missing or malformed " + key);
    }
    return date;
  }

  /** The clerk reads the Thai reason alone; the English one goes to the log (issue 13 §8). */
  private static void reject(DelegateTask task, String thai, String english) {
    LOG.info("Refused step '{}': {}", task.getName(), english);
    throw new Refusal("ข้อมูลในแบบฟอร์ม \"" + task.getName() + "\" ไม่ถูกต้อง: " + thai
        + " — ยังไม่ได้บันทึกข้อมูลใด ๆ กรุณาแก้ไขแล้วส่งใหม่");
  }
}
