package th.go.senate.workflow.process.interpellation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.FiscalYear;
import th.go.senate.workflow.identity.SystemAuthority;
import th.go.senate.workflow.kpi.KpiRecorder;

/**
 * The register of questions to ministers (the seed's "database of questions"), read from what exists
 * already: the engine's history (instances and the form values of each step) and the KPI facts (the written
 * answer's deadline, whether the case kept its limit). Nothing is copied, so the register can never
 * disagree with the cases.
 */
@Service
public class QuestionRegister {

  static final String AWAIT_ANSWER = "Task_AwaitWrittenAnswer";
  private static final List<String> VARIABLES = List.of("senatorName", "minister", "questionSubject", "answerMode",
      "filedOn", "dispatchedOn", "answerReceivedOn", "slotDate", "sittingOutcome", "admissibility",
      "presidentDecision", InterpellationRules.POSTPONEMENTS, InterpellationRules.PRIORITY,
      KpiRecorder.LEGAL_LIMIT_MET_VARIABLE);

  private final HistoryService historyService;
  private final SystemAuthority systemAuthority;
  private final JdbcTemplate jdbc;

  public QuestionRegister(HistoryService historyService, SystemAuthority systemAuthority, JdbcTemplate jdbc) {
    this.historyService = historyService;
    this.systemAuthority = systemAuthority;
    this.jdbc = jdbc;
  }

  /** Filters of the register; a null field does not filter. Text filters match a part, ignoring case. */
  public record Filter(QuestionStatus status, String minister, String senator, Integer fiscalYear) {
  }

  public List<QuestionEntry> list(Filter filter) {
    // The caller's groups were checked by the controller; the register reads every question, which the
    // engine's per-instance authorizations would hide from the bureaus that work on them.
    return systemAuthority.call(() -> read(filter));
  }

  private List<QuestionEntry> read(Filter filter) {
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(InterpellationRules.PROCESS_KEY).list();
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processDefinitionKey(InterpellationRules.PROCESS_KEY).variableNameIn(VARIABLES.toArray(String[]::new))
        .disableCustomObjectDeserialization().list()) {
      // Form values live on the process instance; a same-named local variable of a task scope does not count.
      if (variable.getProcessInstanceId() != null && variable.getProcessInstanceId().equals(variable.getExecutionId())) {
        variables.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    Map<String, Boolean> caseLimitMet = new HashMap<>();
    jdbc.query("select process_instance_id, legal_limit_met from kpi_case_fact where process_key = ?",
        rs -> {
          caseLimitMet.put(rs.getString(1), (Boolean) rs.getObject(2));
        }, InterpellationRules.PROCESS_KEY);
    Map<String, OffsetDateTime> answerDue = new HashMap<>();
    jdbc.query("select process_instance_id, due_at from kpi_step_fact where process_key = ? and step_id = ? "
        + "order by created_at", rs -> {
          OffsetDateTime due = rs.getObject(2, OffsetDateTime.class);
          answerDue.put(rs.getString(1), due == null ? null : due.atZoneSameInstant(BangkokTime.ZONE).toOffsetDateTime());
        }, InterpellationRules.PROCESS_KEY, AWAIT_ANSWER);

    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<QuestionEntry> result = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> v = variables.getOrDefault(instance.getId(), Map.of());
      QuestionEntry entry = entry(instance, v, caseLimitMet.get(instance.getId()), answerDue.get(instance.getId()), now);
      if (matches(entry, filter)) {
        result.add(entry);
      }
    }
    result.sort(Comparator.comparing(QuestionEntry::filedOn, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(QuestionEntry::referenceNumber, Comparator.nullsLast(Comparator.reverseOrder())));
    return result;
  }

  private static QuestionEntry entry(HistoricProcessInstance instance, Map<String, Object> v, Boolean caseLimitMet,
      OffsetDateTime answerDueAt, Instant now) {
    QuestionStatus status = status(instance, v);
    LocalDate filedOn = InterpellationRules.toDate(v.get("filedOn"));
    Integer fiscalYear = filedOn != null ? Integer.valueOf(FiscalYear.of(filedOn))
        : instance.getStartTime() == null ? null : FiscalYear.of(instance.getStartTime().toInstant());
    boolean gazette = "GAZETTE".equals(v.get("answerMode"));
    LocalDate answeredOn = status != QuestionStatus.ANSWERED ? null
        : gazette ? InterpellationRules.toDate(v.get("answerReceivedOn")) : InterpellationRules.toDate(v.get("slotDate"));
    Boolean withinLimit = null;
    if (status == QuestionStatus.ANSWERED) {
      Object limit = v.get(KpiRecorder.LEGAL_LIMIT_MET_VARIABLE);
      withinLimit = limit instanceof Boolean b ? b : instance.getEndTime() != null ? caseLimitMet : null;
    }
    boolean overdue = status == QuestionStatus.AWAITING_ANSWER && gazette && answerDueAt != null
        && now.isAfter(answerDueAt.toInstant());
    Object postponements = v.get(InterpellationRules.POSTPONEMENTS);
    return new QuestionEntry(instance.getId(), instance.getBusinessKey(), fiscalYear, status, status.thai(),
        text(v.get("answerMode")), text(v.get("senatorName")), text(v.get("minister")), text(v.get("questionSubject")),
        filedOn, InterpellationRules.toDate(v.get("dispatchedOn")), gazette ? answerDueAt : null,
        InterpellationRules.toDate(v.get("slotDate")), postponements instanceof Number n ? n.intValue() : 0,
        Boolean.TRUE.equals(v.get(InterpellationRules.PRIORITY)), answeredOn, withinLimit, overdue,
        instance.getEndActivityId(),
        instance.getEndTime() == null ? null
            : instance.getEndTime().toInstant().atZone(BangkokTime.ZONE).toOffsetDateTime());
  }

  static QuestionStatus status(HistoricProcessInstance instance, Map<String, Object> v) {
    String end = instance.getEndActivityId();
    if (instance.getEndTime() != null) {
      if (end == null || HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())
          || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(instance.getState())) {
        return QuestionStatus.CANCELLED;
      }
      return switch (end) {
        case "EndEvent_QuestionInadmissible" -> QuestionStatus.INADMISSIBLE;
        case "EndEvent_QuestionNotApproved" -> QuestionStatus.NOT_APPROVED;
        case "EndEvent_QuestionLapsed" -> QuestionStatus.LAPSED;
        default -> QuestionStatus.ANSWERED;
      };
    }
    if ("INADMISSIBLE".equals(v.get("admissibility"))) {
      return QuestionStatus.INADMISSIBLE;
    }
    if ("NOT_APPROVED".equals(v.get("presidentDecision"))) {
      return QuestionStatus.NOT_APPROVED;
    }
    if (v.get("answerReceivedOn") != null || "ANSWERED".equals(v.get("sittingOutcome"))) {
      return QuestionStatus.ANSWERED;
    }
    if (v.get("dispatchedOn") != null) {
      return QuestionStatus.AWAITING_ANSWER;
    }
    return QuestionStatus.UNDER_REVIEW;
  }

  private static boolean matches(QuestionEntry entry, Filter filter) {
    return (filter.status() == null || filter.status() == entry.status())
        && (filter.fiscalYear() == null || filter.fiscalYear().equals(entry.fiscalYear()))
        && contains(entry.minister(), filter.minister())
        && contains(entry.senator(), filter.senator());
  }

  private static boolean contains(String value, String part) {
    if (part == null || part.isBlank()) {
      return true;
    }
    return value != null && value.toLowerCase(Locale.ROOT).contains(part.trim().toLowerCase(Locale.ROOT));
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
