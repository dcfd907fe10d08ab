package th.go.senate.workflow.process.motion;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.FiscalYear;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.decision.DecisionTables;
import th.go.senate.workflow.process.FormValues;
import th.go.senate.workflow.identity.SystemAuthority;
import th.go.senate.workflow.web.Refusal;

/**
 * What the motion model needs beyond the spine ({@code ${motionRules}} in bpmn/motion.bpmn): the rules of the
 * Constitution and the Senate rules that a .form file cannot state, with their numbers from the decision table
 * {@code motionRules}. A general debate under s.153 needs the signatures of at least one third of the existing
 * senators and is held at most once a year; it ends without a resolution. Every refusal is a form refusal
 * (400 with the Thai message alone through engine-rest and Tasklist) and saves nothing: the listeners run in
 * the command of the start or the completion, after the spine's own form check.
 */
@Component("motionRules")
public class MotionRules {

  public static final String PROCESS_KEY = "motion";
  public static final String DECISION_KEY = "motionRules";
  public static final String GENERAL_DEBATE = "GENERAL_DEBATE";

  public static final String MOTION_TYPE = "motionType";
  public static final String EXISTING_SENATORS = "existingSenators";
  public static final String SIGNATURE_COUNT = "signatureCount";
  public static final String VERIFIED_SIGNATURES = "verifiedSignatures";
  public static final String REQUIRED_SIGNATURES = "requiredSignatures";
  public static final String CABINET_NOTICE_REQUESTED = "cabinetNoticeRequested";
  public static final String NOTIFY_CABINET = "notifyCabinet";
  /** The year (B.E., of the rule's basis) a general debate is scheduled in or was held in. */
  public static final String DEBATE_YEAR = "debateYear";
  /** True once the sitting has held the general debate: what the once-a-year rule counts. */
  public static final String DEBATE_HELD = "debateHeld";

  private final DecisionTables decisionTables;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final SystemAuthority systemAuthority;

  public MotionRules(DecisionTables decisionTables, @Lazy HistoryService historyService,
      @Lazy RuntimeService runtimeService, SystemAuthority systemAuthority) {
    this.decisionTables = decisionTables;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.systemAuthority = systemAuthority;
  }

  /** The row of a motion type in {@code motionRules}. */
  public MotionRule ruleFor(String motionType) {
    DmnDecisionRuleResult row = motionType == null ? null
        : decisionTables.singleRow(DECISION_KEY, Map.of(MOTION_TYPE, motionType));
    if (row == null) {
      throw new Refusal("\"สมาชิกยื่นญัตติ\" ไม่ถูกต้อง: ไม่รู้จักประเภทญัตติ '"
          + motionType + "' ในตารางเงื่อนไขของญัตติแต่ละประเภท — ยังไม่ได้บันทึกข้อมูลใด ๆ");
    }
    return new MotionRule(motionType, integer(row.getEntry("signatureShareNumerator")),
        integer(row.getEntry("signatureShareDenominator")), integer(row.getEntry("minSignatures")),
        integer(row.getEntry("fullMembership")), integer(row.getEntry("debatesPerYear")),
        (String) row.getEntry("yearBasis"), (String) row.getEntry("cabinetNotice"));
  }

  /**
   * End listener of the start event: the signatures on the motion suffice for its type, the stated number of
   * existing senators is plausible, and a general debate of the filing year has not been held already.
   */
  public void filed(DelegateExecution execution) {
    String step = "สมาชิกยื่นญัตติ";
    MotionRule rule = ruleFor(FormValues.text(execution.getVariable(MOTION_TYPE)));
    int existing = FormValues.number(execution.getVariable(EXISTING_SENATORS));
    if (existing < 1 || existing > rule.fullMembership()) {
      reject(step, "\"จำนวนสมาชิกวุฒิสภาเท่าที่มีอยู่\" ต้องอยู่ระหว่าง 1 ถึง " + rule.fullMembership()
          + " คน (รัฐธรรมนูญ มาตรา 107; ได้รับ " + existing + ")",
          "existing senators must be between 1 and " + rule.fullMembership());
    }
    int required = rule.requiredSignatures(existing);
    int signed = FormValues.number(execution.getVariable(SIGNATURE_COUNT));
    if (signed > existing) {
      reject(step, "\"จำนวนสมาชิกผู้เข้าชื่อ\" (" + signed + " คน) มากกว่าจำนวนสมาชิกเท่าที่มีอยู่ (" + existing + " คน)",
          signed + " signatures exceed the " + existing + " existing senators");
    }
    if (signed < required) {
      reject(step, tooFewSignatures(rule, existing, required, signed), "the motion has " + signed
          + " signatures; it needs at least " + required);
    }
    execution.setVariable(REQUIRED_SIGNATURES, required);
    execution.setVariable(NOTIFY_CABINET, "ALWAYS".equals(rule.cabinetNotice())
        || "YES".equals(FormValues.text(execution.getVariable(CABINET_NOTICE_REQUESTED))));
    LocalDate filedOn = date(execution.getVariable("filedOn"));
    LocalDate today = BangkokTime.today();
    if (filedOn != null && filedOn.isAfter(today)) {
      reject(step, "\"วันที่ยื่นญัตติ\" ต้องไม่เกินวันนี้ (" + ThaiDates.date(today) + ")", "filing date " + filedOn + " is in the future");
    }
    yearlyLimit(step, execution, rule, filedOn == null ? today : filedOn, false);
  }

  /**
   * Complete listener of Task_CheckMotion: a motion passed as complete has as many verified signatures as its
   * type needs, and no more than it was filed with; one that lacks them is returned to the mover.
   */
  public void signaturesChecked(DelegateTask task) {
    if (!"COMPLETE".equals(FormValues.text(task.getVariable("checkResult")))) {
      return;
    }
    int verified = FormValues.number(task.getVariable(VERIFIED_SIGNATURES));
    int filed = FormValues.number(task.getVariable(SIGNATURE_COUNT));
    int required = FormValues.number(task.getVariable(REQUIRED_SIGNATURES));
    if (verified > filed) {
      reject(task.getName(), "\"จำนวนลายมือชื่อที่ตรวจสอบแล้ว\" (" + verified + ") มากกว่าจำนวนผู้เข้าชื่อที่ยื่นไว้ (" + filed + ")",
          verified + " verified signatures exceed the " + filed + " filed");
    }
    if (verified < required) {
      MotionRule rule = ruleFor(FormValues.text(task.getVariable(MOTION_TYPE)));
      reject(task.getName(), tooFewSignatures(rule, FormValues.number(task.getVariable(EXISTING_SENATORS)), required, verified)
          + " หากลายมือชื่อไม่ครบให้เลือก \"คืนญัตติแก่ผู้เสนอ\"", "only " + verified
          + " signatures verified; at least " + required + " are needed");
    }
  }

  /**
   * Complete listener of Task_ScheduleMotion: the sitting is not in the past, and a general debate goes on the
   * agenda only when the year's debates have not been held or scheduled by another motion.
   */
  public void scheduled(DelegateTask task) {
    LocalDate sitting = required(task, "sittingDate", "วันประชุมที่บรรจุญัตติ");
    LocalDate today = BangkokTime.today();
    if (sitting.isBefore(today)) {
      reject(task.getName(), "\"วันประชุมที่บรรจุญัตติ\" ต้องไม่ก่อนวันนี้ (" + ThaiDates.date(today) + ")", "sitting " + sitting + " is in the past");
    }
    MotionRule rule = ruleFor(FormValues.text(task.getVariable(MOTION_TYPE)));
    yearlyLimit(task.getName(), task.getExecution(), rule, sitting, true);
  }

  /**
   * Complete listener of Task_RecordMotionSitting: a general debate ends without a resolution (s.153), an ordinary
   * motion that was considered has one; a general debate held is what the once-a-year rule counts from now on.
   */
  public void sittingRecorded(DelegateTask task) {
    String type = FormValues.text(task.getVariable(MOTION_TYPE));
    if (!"CONSIDERED".equals(FormValues.text(task.getVariable("sittingOutcome")))) {
      return;
    }
    String resolution = FormValues.text(task.getVariable("senateResolution"));
    if (GENERAL_DEBATE.equals(type)) {
      if (resolution != null && !resolution.isBlank()) {
        reject(task.getName(), "การอภิปรายทั่วไปตามรัฐธรรมนูญ มาตรา 153 ไม่มีการลงมติ จึงบันทึก \"มติที่ประชุม\" ไม่ได้",
            "a general debate under s.153 has no resolution");
      }
      MotionRule rule = ruleFor(type);
      LocalDate sitting = required(task, "sittingDate", "วันประชุมที่บรรจุญัตติ");
      yearlyLimit(task.getName(), task.getExecution(), rule, sitting, false);
      processInstance(task).setVariable(DEBATE_HELD, true);
    } else if (resolution == null || resolution.isBlank()) {
      reject(task.getName(), "กรุณากรอก \"มติที่ประชุม\" ของญัตติที่ที่ประชุมพิจารณาแล้ว", "resolution missing");
    }
  }

  /**
   * The once-a-year rule: refuses when the year (of the rule's basis) of {@code day} already has as many general
   * debates held as the table allows, or, when {@code scheduling}, as many held or on another motion's agenda.
   * Records the year on the case. Counts across every motion, whoever may read them: the clerk's rights do not
   * decide the rule.
   */
  private void yearlyLimit(String step, DelegateExecution execution, MotionRule rule, LocalDate day, boolean scheduling) {
    if (rule.debatesPerYear() <= 0) {
      return;
    }
    int year = "FISCAL_YEAR".equals(rule.yearBasis()) ? FiscalYear.of(day) : day.getYear() + FiscalYear.BUDDHIST_ERA_OFFSET;
    String self = execution.getProcessInstanceId();
    List<String> counted = systemAuthority.call(() -> {
      List<String> keys = new java.util.ArrayList<>();
      for (HistoricProcessInstance held : historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(PROCESS_KEY).variableValueEquals(DEBATE_YEAR, year).variableValueEquals(DEBATE_HELD, true)
          .list()) {
        if (!held.getId().equals(self)) {
          keys.add(held.getBusinessKey());
        }
      }
      if (scheduling) {
        for (ProcessInstance pending : runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
            .variableValueEquals(DEBATE_YEAR, year).list()) {
          if (!pending.getId().equals(self) && !Boolean.TRUE.equals(runtimeService.getVariable(pending.getId(), DEBATE_HELD))) {
            keys.add(pending.getBusinessKey());
          }
        }
      }
      return keys;
    });
    if (counted.size() >= rule.debatesPerYear()) {
      String yearName = "FISCAL_YEAR".equals(rule.yearBasis()) ? "ปีงบประมาณ พ.ศ. " + year : "ปี พ.ศ. " + year;
      reject(step, "ขอเปิดอภิปรายทั่วไปตามรัฐธรรมนูญ มาตรา 153 ได้ปีละ " + rule.debatesPerYear() + " ครั้ง และใน" + yearName
          + " มีการอภิปรายทั่วไปที่" + (scheduling ? "ได้อภิปรายแล้วหรือบรรจุระเบียบวาระแล้ว" : "ได้อภิปรายแล้ว") + " (" + String.join(", ", counted) + ")",
          "a general debate under s.153 may be held " + rule.debatesPerYear() + " time(s) a year; year " + year
              + " already has " + String.join(", ", counted));
    }
    if (scheduling) {
      processInstance(execution).setVariable(DEBATE_YEAR, year);
    } else if (execution.getVariable(DEBATE_YEAR) != null) {
      // Recorded as held in the year of the sitting that held it.
      processInstance(execution).setVariable(DEBATE_YEAR, year);
    }
  }

  private static String tooFewSignatures(MotionRule rule, int existing, int required, int signed) {
    String basis = rule.signatureShareNumerator() > 0
        ? "ต้องมีสมาชิกเข้าชื่อไม่น้อยกว่า " + rule.signatureShareNumerator() + " ใน " + rule.signatureShareDenominator()
            + " ของจำนวนสมาชิกเท่าที่มีอยู่ (" + existing + " คน) คือ " + required + " คน (รัฐธรรมนูญ มาตรา 153)"
        : "ต้องมีผู้เสนอและผู้รับรองรวมไม่น้อยกว่า " + required + " คน (ข้อบังคับการประชุมวุฒิสภา)";
    return "ญัตติประเภทนี้" + basis + " แต่มีผู้เข้าชื่อ " + signed + " คน";
  }

  private static ExecutionEntity processInstance(DelegateTask task) {
    return processInstance(task.getExecution());
  }

  private static ExecutionEntity processInstance(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessInstance();
  }

  private static LocalDate required(DelegateTask task, String key, String label) {
    // The spine's form validation refuses a missing or malformed date first; this is a second lock.
    return FormValues.required(task, key, label, task.getName());
  }

  /** A date form value (form-js submits "YYYY-MM-DD"; the engine API may pass a Date). */
  static LocalDate date(Object value) {
    return BangkokTime.date(value);
  }

  private static int integer(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static void reject(String step, String thai, String english) {
    throw FormValues.refusal(step, thai, english);
  }
}
