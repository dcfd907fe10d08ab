package th.go.senate.workflow.process.complaint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.identity.SystemAuthority;
import th.go.senate.workflow.notice.NoticeOutbox;
import th.go.senate.workflow.notice.PetitionerNotices;
import th.go.senate.workflow.reference.ReferenceNumberService;
import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.InputRules;

/**
 * Opens integrity cases (process {@code integrityCase}) so that the complainant's identity never becomes a
 * process variable: the identity goes to the {@link ProtectedIdentityStore} under the case's business key,
 * and the process starts with the business key and non-identifying facts only.
 */
@Service
public class IntegrityCaseService {

  public static final String PROCESS_KEY = "integrityCase";
  static final Set<String> CHANNELS = Set.of("COUNTER", "LETTER", "PHONE", "EMAIL", "WEB", "LINE", "HOTLINE_1111",
      "SENATOR", "PETITION", "COMPLAINT");

  /** The variables that hold the complainant's identity in each process that can hand a case over. */
  static final Map<String, IdentityVariables> IDENTITY_VARIABLES = Map.of(
      "petition", new IdentityVariables("petitionerName", "petitionerContact", PetitionerNotices.EMAIL_VARIABLE,
          List.of(PetitionerNotices.RECORD_VARIABLE)),
      "complaint", new IdentityVariables("complainantName", "complainantContact", null, List.of()));
  /** The variable by which a complaint names the petition it was handed over from. */
  static final String UPSTREAM_PETITION_VARIABLE = "petitionBusinessKey";

  private static final Logger LOG = LoggerFactory.getLogger(IntegrityCaseService.class);

  private final ProtectedIdentityStore store;
  private final ReferenceNumberService referenceNumbers;
  private final RuntimeService runtimeService;
  private final SystemAuthority systemAuthority;
  private final NoticeOutbox outbox;

  public IntegrityCaseService(ProtectedIdentityStore store, ReferenceNumberService referenceNumbers,
      RuntimeService runtimeService, SystemAuthority systemAuthority, NoticeOutbox outbox) {
    this.outbox = outbox;
    this.store = store;
    this.referenceNumbers = referenceNumbers;
    this.runtimeService = runtimeService;
    this.systemAuthority = systemAuthority;
  }

  /** What the intake clerk submits ({@code POST /api/integrity-cases}). */
  public record Intake(String channel, Boolean anonymous, String complainantName, String complainantContact,
      String nationalId, String subject, String allegation, String receivedDate) {

    @Override
    public String toString() {
      return "Intake[channel=" + channel + ", anonymous=" + anonymous + ", identity=protected]";
    }
  }

  public record Opened(String businessKey, String processInstanceId) {
  }

  /**
   * The names of a process's identity variables: name, contact, e-mail address (null when the intake has none)
   * and the variables that record what was sent to that address (they name it too).
   */
  record IdentityVariables(String name, String contact, String email, List<String> records) {

    List<String> names() {
      List<String> names = new ArrayList<>(List.of(name, contact));
      if (email != null) {
        names.add(email);
      }
      names.addAll(records);
      return names;
    }
  }

  /**
   * Checks the intake, stores the identity encrypted and starts the case, in one transaction: a bad intake
   * stores nothing and starts nothing. The case starts as the system (the intake clerk of
   * {@code burCentralAdmin} registers it but has no right to read it afterwards).
   */
  @Transactional
  public Opened open(Intake intake, String clerk) {
    List<String> problems = problems(intake);
    if (!problems.isEmpty()) {
      throw new BadRequestException("ข้อมูลเรื่องร้องเรียนการทุจริตไม่ครบถ้วนหรือไม่ถูกต้อง: " + String.join("; ", problems)
          + " — ยังไม่ได้บันทึกข้อมูลใด ๆ");
    }
    boolean anonymous = Boolean.TRUE.equals(intake.anonymous());
    String businessKey = referenceNumbers.next(PROCESS_KEY, ClockUtil.getCurrentTime().toInstant());
    store.store(businessKey, anonymous ? null
        : new ComplainantIdentity(trim(intake.complainantName()), trim(intake.complainantContact()), trim(intake.nationalId())),
        clerk);
    Map<String, Object> variables = caseVariables(intake.channel(), intake.subject(), intake.allegation(),
        intake.receivedDate(), anonymous, clerk);
    ProcessInstance instance = systemAuthority.call(
        () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey, variables));
    LOG.info("Integrity case {} registered by {} (identity {} in the protected store)", businessKey, clerk,
        anonymous ? "not given" : "kept");
    return new Opened(businessKey, instance.getId());
  }

  /**
   * Hands a case over from another process (a petition or complaint found to be about corruption), from
   * inside that process's transaction (the delegate of its hand-over end event), in one transaction:
   * <ul>
   * <li>the complainant's identity and the source's business key go to the protected store (the link back
   *     is readable only through the audited complainant endpoint, because Camunda's administrators read
   *     every process variable);</li>
   * <li>the integrity case starts with non-identifying facts only, and the source records no reference to
   *     it;</li>
   * <li>the identity variables are removed from the source and, with their history (variable instances,
   *     deleted ones included, their details and form-field entries), from every case the identity passed
   *     through: the source and the petition a complaint came from; the petitioner's e-mail address (kept in
   *     the store with the contact), the record of what was mailed to it and those mails in the outbox go too.</li>
   * </ul>
   * Form-field entries of identity fields are not even written ({@link IdentityHistoryFilter}); deleting
   * the rest in this transaction works because the engine flushes inserts before deletes, so a history
   * row written by this very transaction (the variable's deletion) is deleted too, and a failure rolls the
   * whole hand-over back instead of leaving the identity behind after a commit.
   */
  public String handOver(DelegateExecution source, String channel, String subject, String details, String receivedDate) {
    IdentityVariables identity = identityVariables(processKey(source));
    String name = text(source.getVariable(identity.name()));
    String contact = reachedBy(text(source.getVariable(identity.contact())),
        identity.email() == null ? null : text(source.getVariable(identity.email())));
    boolean anonymous = blank(name) && blank(contact);
    String businessKey = referenceNumbers.next(PROCESS_KEY, ClockUtil.getCurrentTime().toInstant());
    store.store(businessKey, anonymous ? null : new ComplainantIdentity(trim(name), trim(contact), null),
        source.getProcessBusinessKey(), "system");
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey,
        caseVariables(channel, subject, details, receivedDate, anonymous, "system"));
    identity.names().forEach(source::removeVariable);
    int removed = purgeHistory(source.getProcessInstanceId(), identity);
    removed += outbox.forgetOutsideRecipients(source.getProcessBusinessKey());
    Object upstream = source.getVariable(UPSTREAM_PETITION_VARIABLE);
    if (upstream != null) {
      removed += purgeHistoryOfCase("petition", String.valueOf(upstream));
      removed += outbox.forgetOutsideRecipients(String.valueOf(upstream));
    }
    // The integrity case only: a line naming the source too would link the two for whoever reads the log.
    LOG.info("Integrity case {} opened by hand-over (channel {}): identity in the protected store, {} records "
        + "of it (history entries, mails to the person) removed from the cases it came through", businessKey, channel, removed);
    return businessKey;
  }

  /** How to reach the person, as the store keeps it: the contact given and, when there is one, the e-mail address. */
  static String reachedBy(String contact, String email) {
    if (blank(email)) {
      return contact;
    }
    return blank(contact) ? "อีเมล " + email.trim() : contact.trim() + " · อีเมล " + email.trim();
  }

  /** The identity variables of a process that can hand a case over; every other process is refused. */
  static IdentityVariables identityVariables(String processKey) {
    IdentityVariables identity = IDENTITY_VARIABLES.get(processKey);
    if (identity == null) {
      throw new IllegalStateException("Process " + processKey + " has no identity variables to hand over");
    }
    return identity;
  }

  private static String processKey(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessDefinition().getKey();
  }

  private int purgeHistoryOfCase(String processKey, String businessKey) {
    CommandContext commandContext = Context.getCommandContext();
    return systemAuthority.call(() -> {
      HistoricProcessInstanceQueryImpl query = new HistoricProcessInstanceQueryImpl();
      query.processDefinitionKey(processKey).processInstanceBusinessKey(businessKey);
      int removed = 0;
      for (HistoricProcessInstance instance : query.executeList(commandContext, null)) {
        removed += purgeHistory(instance.getId(), identityVariables(processKey));
      }
      return removed;
    });
  }

  /**
   * Deletes the identity variables' history of one instance in the current command: the variable instances
   * (in the database or written by this command, deleted ones included) with their details, and the
   * form-field entries of the identity fields (written before {@link IdentityHistoryFilter} existed).
   * Not through the delete-history command, which would add an operation-log entry in the clerk's name.
   */
  private int purgeHistory(String processInstanceId, IdentityVariables identity) {
    CommandContext commandContext = Context.getCommandContext();
    List<String> names = identity.names();
    return systemAuthority.call(() -> {
      Set<String> variableIds = new LinkedHashSet<>();
      HistoricVariableInstanceQueryImpl variables = new HistoricVariableInstanceQueryImpl();
      variables.processInstanceIdIn(processInstanceId).variableNameIn(names.toArray(String[]::new)).includeDeleted();
      variables.executeList(commandContext, null).forEach(variable -> variableIds.add(variable.getId()));
      commandContext.getDbEntityManager().getCachedEntitiesByType(HistoricVariableInstanceEntity.class).stream()
          .filter(v -> processInstanceId.equals(v.getProcessInstanceId()) && names.contains(v.getName()))
          .forEach(v -> variableIds.add(v.getId()));
      for (String variableId : variableIds) {
        commandContext.getHistoricDetailManager().deleteHistoricDetailsByVariableInstanceId(variableId);
        commandContext.getHistoricVariableInstanceManager().deleteHistoricVariableInstanceByVariableInstanceId(variableId);
      }
      HistoricDetailQueryImpl formFields = new HistoricDetailQueryImpl();
      formFields.processInstanceId(processInstanceId).formFields();
      int removed = variableIds.size();
      for (HistoricDetail detail : formFields.executeList(commandContext, null)) {
        if (detail instanceof HistoricFormField field && names.contains(field.getFieldId())) {
          commandContext.getDbEntityManager().delete(HistoricDetailEventEntity.class,
              "deleteHistoricDetailVariableInstanceUpdate", field.getId());
          removed++;
        }
      }
      return removed;
    });
  }

  private static Map<String, Object> caseVariables(String channel, String subject, String allegation, String receivedDate,
      boolean anonymous, String registeredBy) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("channel", channel);
    variables.put("subject", subject);
    variables.put("allegation", allegation);
    variables.put("receivedDate", receivedDate);
    variables.put("anonymous", anonymous);
    variables.put("registeredBy", registeredBy);
    return variables;
  }

  static List<String> problems(Intake intake) {
    List<String> problems = new ArrayList<>();
    if (intake == null) {
      problems.add("ไม่มีข้อมูล");
      return problems;
    }
    if (intake.channel() == null || !CHANNELS.contains(intake.channel())) {
      problems.add("\"ช่องทางการรับเรื่อง\" ต้องเลือกจาก " + String.join(", ", CHANNELS.stream().sorted().toList()));
    }
    if (intake.anonymous() == null) {
      problems.add("ต้องระบุว่าผู้ร้องประสงค์ออกนามหรือไม่");
    }
    boolean anonymous = Boolean.TRUE.equals(intake.anonymous());
    if (anonymous && !(blank(intake.complainantName()) && blank(intake.complainantContact()) && blank(intake.nationalId()))) {
      problems.add("เรื่องที่ผู้ร้องไม่ประสงค์ออกนามต้องไม่มีชื่อ ช่องทางติดต่อ หรือเลขประจำตัวประชาชน");
    }
    if (Boolean.FALSE.equals(intake.anonymous()) && blank(intake.complainantName())) {
      problems.add("กรุณากรอก \"ชื่อ-นามสกุลผู้ร้อง\" หรือระบุว่าไม่ประสงค์ออกนาม");
    }
    length(problems, intake.complainantName(), 200, "ชื่อ-นามสกุลผู้ร้อง", "complainantName");
    length(problems, intake.complainantContact(), 200, "ช่องทางการติดต่อผู้ร้อง", "complainantContact");
    if (!blank(intake.nationalId()) && !validNationalId(intake.nationalId().trim())) {
      problems.add("\"เลขประจำตัวประชาชน\" ต้องเป็นตัวเลข 13 หลักที่ถูกต้อง");
    }
    if (blank(intake.subject())) {
      problems.add("กรุณากรอก \"เรื่อง\"");
    }
    length(problems, intake.subject(), 300, "เรื่อง", "subject");
    if (blank(intake.allegation())) {
      problems.add("กรุณากรอก \"ข้อกล่าวหา/รายละเอียด\"");
    }
    length(problems, intake.allegation(), 4000, "ข้อกล่าวหา/รายละเอียด", "allegation");
    text(problems, intake.complainantName(), "ชื่อ-นามสกุลผู้ร้อง", "complainantName", false);
    text(problems, intake.complainantContact(), "ช่องทางการติดต่อผู้ร้อง", "complainantContact", false);
    text(problems, intake.nationalId(), "เลขประจำตัวประชาชน", "nationalId", false);
    text(problems, intake.subject(), "เรื่อง", "subject", false);
    text(problems, intake.allegation(), "ข้อกล่าวหา/รายละเอียด", "allegation", true);
    text(problems, intake.receivedDate(), "วันที่รับเรื่อง", "receivedDate", false);
    if (BangkokTime.date(intake.receivedDate()) == null) {
      problems.add("\"วันที่รับเรื่อง\" ต้องเป็นวันที่ในรูปแบบ ปปปป-ดด-วว");
    }
    return problems;
  }

  /** Thai national ID: 13 digits, the last a check digit (11 − Σ dᵢ·(14−i) mod 11) mod 10. */
  static boolean validNationalId(String id) {
    if (!id.matches("\\d{13}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (id.charAt(i) - '0') * (13 - i);
    }
    return (11 - sum % 11) % 10 == id.charAt(12) - '0';
  }

  /** The platform's one input rule (web/InputRules); the problem names the field, never repeats the value. */
  private static void text(List<String> problems, String value, String label, String key, boolean multiLine) {
    String problem = InputRules.problem("\"" + label + "\"", value, multiLine);
    if (problem != null) {
      problems.add(problem + " (" + key + ")");
    }
  }

  private static void length(List<String> problems, String value, int max, String label, String key) {
    if (value != null && value.length() > max) {
      problems.add("\"" + label + "\" ยาวเกิน " + max + " ตัวอักษร");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trim(String s) {
    return blank(s) ? null : s.trim();
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
