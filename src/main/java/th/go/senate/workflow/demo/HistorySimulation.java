package th.go.senate.workflow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.FiscalRound;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.form.FormDefinition;
import th.go.senate.workflow.identity.IdentitySeeder;

/**
 * One run of the demo history: the cases' starts, the clerks' completions and the timers' firings of a past
 * period, worked in the order of time on the real engine with its clock moved to each moment. What happens at a
 * moment is what the platform does then: the start form and the step forms are checked, the SLA planner sets the
 * due dates, an SLA timer that comes due before the clerk is done fires its escalation, a legal deadline that
 * passes deems the case decided, the KPI recorder writes the facts. A step still open at {@code until} stays open:
 * those are today's cases in Tasklist.
 *
 * <p>Each start and each completion runs in a savepoint (a nested transaction): a value a process rule refuses
 * (the {@code web/Refusal} of a form or rule) rolls back that attempt alone, and the clerk tries other values, as a
 * clerk corrects a form. Not thread-safe; one run at a time (the caller holds the start-up lock).
 */
final class HistorySimulation {

  private static final Logger LOG = LoggerFactory.getLogger(HistorySimulation.class);

  /** How often a clerk re-fills a refused form before leaving the step (then logged, and the step stays open). */
  private static final int ATTEMPTS = 4;
  /** How often a refused step is taken up again on a later day before it is left open. */
  private static final int POSTPONEMENTS = 3;
  /**
   * Steps that cannot be worked before a date of the case: a report arrives after the end of its period
   * (ReformMonitoringRules refuses an earlier arrival).
   */
  private static final Map<String, String> NOT_BEFORE = Map.of("Task_ReceiveReport", "periodEnd");
  /** A line in the log every so many events, so that a long first start shows how far it is. */
  private static final int PROGRESS_EVERY = 500;
  private static final LocalTime OFFICE_OPENS = LocalTime.of(8, 30);
  private static final LocalTime OFFICE_CLOSES = LocalTime.of(16, 30);

  /**
   * The processes started by a person, with their share of the cases (of a hundred). Complaints and integrity
   * cases also arise from petitions and complaints (hand-overs); plan reviews and reform reports come on their
   * own dates (see {@link #scheduledStarts}).
   */
  static final Map<String, Integer> SHARES = orderedShares();

  private static Map<String, Integer> orderedShares() {
    Map<String, Integer> shares = new LinkedHashMap<>();
    shares.put("petition", 26);
    shares.put("complaint", 18);
    shares.put("interpellation", 16);
    shares.put("committeeMinutes", 14);
    shares.put("motion", 10);
    shares.put("legislation", 9);
    shares.put("appointmentVetting", 7);
    return shares;
  }

  private enum Kind { START, COMPLETE }

  private record Event(Instant at, long sequence, Kind kind, String processKey, Map<String, Object> given,
      String taskId) {
  }

  /** What one run did. */
  record Counts(int casesStarted, int instances, int stepsCompleted, int stepsLeftOpen, int timersFired,
      int refusedAttempts, int startsGivenUp, int stepsGivenUp, Set<String> processInstanceIds) {
  }

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final TransactionTemplate savepoint;
  private final Random random;
  private final DemoFormValues forms;
  private final ObjectMapper json = new ObjectMapper();

  private final PriorityQueue<Event> events = new PriorityQueue<>(
      Comparator.comparing(Event::at).thenComparingLong(Event::sequence));
  private long sequence;
  private final Set<String> instances = new HashSet<>();
  private final Set<String> knownTasks = new HashSet<>();
  private final Set<String> failedJobs = new HashSet<>();
  private final Map<String, Integer> postponements = new HashMap<>();
  /** Cases worked slowly (a busy bureau, a file that waits): their steps are mostly late. */
  private final Map<String, Boolean> slowCases = new HashMap<>();
  private final Map<String, Map<String, FormDefinition>> formsByDeployment = new HashMap<>();
  private Instant firedUpTo;
  private int casesStarted;
  private int stepsCompleted;
  private int timersFired;
  private int refusedAttempts;
  private int startsGivenUp;
  private int stepsGivenUp;

  HistorySimulation(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      RepositoryService repositoryService, IdentityService identityService, PlatformTransactionManager transactions,
      long seed) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.random = new Random(seed);
    this.forms = new DemoFormValues(random);
  }

  /** Works {@code cases} cases started between {@code from} and {@code until}; leaves the clock at {@code until}. */
  Counts run(int cases, Instant from, Instant until) {
    firedUpTo = from;
    int worked = 0;
    List<Event> scheduled = scheduledStarts(from, until);
    scheduled.forEach(events::add);
    int drawn = Math.max(0, cases - scheduled.size());
    int totalShares = SHARES.values().stream().mapToInt(Integer::intValue).sum();
    long span = Duration.between(from, until).toMillis();
    List<String> everyProcess = List.copyOf(SHARES.keySet());
    for (int i = 0; i < drawn; i++) {
      int pick = random.nextInt(totalShares);
      // The first cases go one to each process, so that even a small history has all of them.
      String processKey = i < everyProcess.size() ? everyProcess.get(i) : null;
      for (Map.Entry<String, Integer> share : SHARES.entrySet()) {
        pick -= share.getValue();
        if (processKey == null && pick < 0) {
          processKey = share.getKey();
          break;
        }
      }
      Instant at = officeHours(from.plusMillis((long) (random.nextDouble() * span)));
      events.add(new Event(at, sequence++, Kind.START, processKey, Map.of(), null));
    }
    while (!events.isEmpty()) {
      Event event = events.poll();
      if (event.at().isAfter(until)) {
        continue;
      }
      fireTimersDueBy(event.at());
      at(event.at());
      if (event.kind() == Kind.START) {
        start(event);
      } else {
        complete(event.taskId());
      }
      discoverTasks(event.at());
      if (++worked % PROGRESS_EVERY == 0) {
        LOG.info("Demo history: worked up to {}: {} cases started, {} steps completed, {} timers fired",
            BangkokTime.dateOf(event.at()), casesStarted, stepsCompleted, timersFired);
      }
    }
    fireTimersDueBy(until);
    at(until);
    int open = (int) (instances.isEmpty() ? 0
        : taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).count());
    return new Counts(casesStarted, instances.size(), stepsCompleted, open, timersFired, refusedAttempts,
        startsGivenUp, stepsGivenUp, Set.copyOf(instances));
  }

  /**
   * The cases that come on dates of their own: a plan review opened a week after each round of the first fiscal
   * year closed, and a reform report expected for each quarter (its round opened two weeks before the quarter
   * ends, so that some reports arrive late and draw a reminder).
   */
  private List<Event> scheduledStarts(Instant from, Instant until) {
    List<Event> starts = new ArrayList<>();
    int fiscalYear = th.go.senate.workflow.calendar.FiscalYear.of(from);
    for (int months : new int[] {6, 9, 12}) {
      FiscalRound round = new FiscalRound(fiscalYear, months);
      Instant at = officeHours(BangkokTime.startOf(round.cutOff().plusDays(7)).plus(Duration.ofHours(10)));
      if (at.isBefore(until)) {
        starts.add(new Event(at, sequence++, Kind.START, "planReview",
            Map.of("fiscalYear", fiscalYear, "round", String.valueOf(months)), null));
      }
    }
    LocalDate quarterEnd = BangkokTime.dateOf(from).withDayOfMonth(1).plusMonths(3).minusDays(1);
    while (!quarterEnd.isAfter(BangkokTime.dateOf(until))) {
      Instant at = officeHours(BangkokTime.startOf(quarterEnd.minusDays(14)).plus(Duration.ofHours(9)));
      if (at.isAfter(from) && at.isBefore(until)) {
        starts.add(new Event(at, sequence++, Kind.START, "reformMonitoring", Map.of("reportingDuty", "REFORM_S270",
            "periodEnd", quarterEnd.toString(), "periodLabel", "ไตรมาสสิ้นสุด " + ThaiDates.date(quarterEnd)), null));
      }
      quarterEnd = quarterEnd.plusDays(1).plusMonths(3).minusDays(1);
    }
    return starts;
  }

  private void start(Event event) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(event.processKey()).latestVersion().singleResult();
    if (definition == null) {
      startsGivenUp++;
      return;
    }
    FormDefinition form = startForm(definition);
    LocalDate today = BangkokTime.today();
    RuntimeException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Map<String, Object> values = new HashMap<>();
      if (form != null) {
        values.putAll(forms.fill(form, event.processKey(), null, event.given()::get, today));
      }
      values.putAll(event.given());
      try {
        ProcessInstance instance = savepoint.execute(
            status -> runtimeService.startProcessInstanceByKey(event.processKey(), values));
        instances.add(instance.getId());
        casesStarted++;
        return;
      } catch (RuntimeException e) {
        refusedAttempts++;
        last = e;
      }
    }
    startsGivenUp++;
    LOG.warn("Demo history: a {} case could not start on {}: {}", event.processKey(), today, message(last));
  }

  private void complete(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      // Ended meanwhile: a boundary timer (the committee's time is up, a bill deemed approved) took the case on.
      return;
    }
    String user = task.getAssignee();
    List<String> groups;
    if (user == null) {
      String group = candidateGroup(task.getId());
      if (group == null) {
        stepsGivenUp++;
        return;
      }
      user = group + IdentitySeeder.DEMO_USER_SUFFIX;
      groups = List.of(group);
    } else {
      groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }
    FormDefinition form = taskForm(task);
    Map<String, Object> variables = taskService.getVariables(task.getId());
    String processKey = processKeyOf(task.getProcessDefinitionId());
    LocalDate today = BangkokTime.today();
    String clerk = user;
    RuntimeException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Map<String, Object> values = form == null ? Map.of()
          : forms.fill(form, processKey, task.getTaskDefinitionKey(), variables::get, today);
      try {
        savepoint.executeWithoutResult(status -> {
          identityService.setAuthentication(clerk, groups);
          try {
            if (!clerk.equals(task.getAssignee())) {
              taskService.claim(task.getId(), clerk);
            }
            taskService.complete(task.getId(), values);
          } finally {
            identityService.clearAuthentication();
          }
        });
        stepsCompleted++;
        return;
      } catch (RuntimeException e) {
        refusedAttempts++;
        last = e;
      }
    }
    // A refusal that depends on the day (a report not yet due, a date a rule does not accept yet): the clerk comes
    // back to the step a few days later, as in an office; after that the step stays open and the log says why.
    if (postponements.merge(task.getId(), 1, Integer::sum) <= POSTPONEMENTS) {
      events.add(new Event(officeHours(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2 + random.nextInt(4)))),
          sequence++, Kind.COMPLETE, null, Map.of(), task.getId()));
      return;
    }
    stepsGivenUp++;
    LOG.warn("Demo history: step {} of {} left open on {}: {}", task.getTaskDefinitionKey(), processKey, today,
        message(last));
  }

  /**
   * Fires, in the order of their due dates, the timers of the history's cases that come due by {@code by}, each
   * with the clock at its due instant, as the job executor would have: SLA escalations, reminders, deadlines.
   */
  private void fireTimersDueBy(Instant by) {
    while (true) {
      Job next = null;
      for (Job job : managementService.createJobQuery().duedateHigherThenOrEquals(Date.from(firedUpTo))
          .duedateLowerThenOrEquals(Date.from(by)).orderByJobDuedate().asc().list()) {
        if (instances.contains(job.getProcessInstanceId()) && !failedJobs.contains(job.getId())) {
          next = job;
          break;
        }
      }
      if (next == null) {
        firedUpTo = by;
        return;
      }
      Instant due = next.getDuedate().toInstant();
      at(due);
      String jobId = next.getId();
      try {
        savepoint.executeWithoutResult(status -> managementService.executeJob(jobId));
        timersFired++;
      } catch (RuntimeException e) {
        failedJobs.add(jobId);
        LOG.warn("Demo history: timer {} failed at {}: {}", jobId, due, message(e));
      }
      firedUpTo = due;
      discoverTasks(due);
    }
  }

  /**
   * The tasks created at {@code now} (by a start, a completion or a timer): they belong to the history's cases
   * (a hand-over's new case included), and each gets the moment its clerk completes it (a moment after the end of
   * the run is never reached: the step stays open for today's Tasklist).
   */
  private void discoverTasks(Instant now) {
    // Created at this very instant (the clock stands still during the command): never a task of a case that is not
    // the history's, which a database already in use may hold.
    for (Task task : taskService.createTaskQuery().taskCreatedAfter(Date.from(now.minusMillis(1)))
        .taskCreatedBefore(Date.from(now.plusMillis(1))).list()) {
      if (!knownTasks.add(task.getId())) {
        continue;
      }
      instances.add(task.getProcessInstanceId());
      Instant done = completionOf(task, now);
      String notBefore = NOT_BEFORE.get(task.getTaskDefinitionKey());
      LocalDate earliest = notBefore == null ? null : BangkokTime.date(taskService.getVariable(task.getId(), notBefore));
      if (earliest != null && done.isBefore(BangkokTime.startOf(earliest.plusDays(1)))) {
        done = officeHours(BangkokTime.startOf(earliest.plusDays(1 + random.nextInt(20))).plus(Duration.ofHours(9)));
      }
      events.add(new Event(done, sequence++, Kind.COMPLETE, null, Map.of(), task.getId()));
    }
  }

  /**
   * When the clerk completes a step: most within the SLA (somewhere between a quarter of an hour and the due
   * date), one in six after it (the SLA timer has escalated it by then), and most steps of a slow case late.
   */
  private Instant completionOf(Task task, Instant created) {
    boolean slow = slowCases.computeIfAbsent(task.getProcessInstanceId(), id -> random.nextInt(8) == 0);
    Duration allowed = task.getDueDate() == null ? Duration.ofDays(3)
        : Duration.between(created, task.getDueDate().toInstant());
    if (allowed.isNegative() || allowed.isZero()) {
      allowed = Duration.ofHours(4);
    }
    double lateShare = slow ? 0.6 : 0.16;
    double fraction = random.nextDouble() < lateShare ? 1.05 + random.nextDouble() * (slow ? 1.5 : 0.6)
        : 0.05 + random.nextDouble() * 0.85;
    Instant done = created.plusMillis(Math.max(15 * 60_000L, (long) (allowed.toMillis() * fraction)));
    return officeHours(done);
  }

  /** The same moment if the office is open then, else a moment of the next morning the office is open. */
  private Instant officeHours(Instant moment) {
    // Every moment gets a few random milliseconds: the history adopts the tasks created at the clock's instant, and
    // a database already in use (the tests') holds tasks created at round times such as 09:00:00.000.
    ZonedDateTime local = moment.atZone(BangkokTime.ZONE);
    LocalTime time = local.toLocalTime();
    boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
    if (!weekend && !time.isBefore(OFFICE_OPENS) && time.isBefore(OFFICE_CLOSES)) {
      return moment.plusMillis(1 + random.nextInt(998));
    }
    LocalDate day = time.isBefore(OFFICE_OPENS) && !weekend ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day.atTime(OFFICE_OPENS).atZone(BangkokTime.ZONE).toInstant()
        .plus(Duration.ofMinutes(random.nextInt(180))).plusMillis(1 + random.nextInt(998));
  }

  private static void at(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  private String candidateGroup(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
  }

  private final Map<String, String> processKeys = new HashMap<>();

  private String processKeyOf(String processDefinitionId) {
    return processKeys.computeIfAbsent(processDefinitionId,
        id -> repositoryService.getProcessDefinition(id).getKey());
  }

  private FormDefinition startForm(ProcessDefinition definition) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof Process && start.getCamundaFormRef() != null) {
        return formsOf(definition.getDeploymentId()).get(start.getCamundaFormRef());
      }
    }
    return null;
  }

  private final Map<String, Optional<FormDefinition>> taskForms = new HashMap<>();

  private FormDefinition taskForm(Task task) {
    return taskForms.computeIfAbsent(task.getProcessDefinitionId() + "|" + task.getTaskDefinitionKey(), k -> {
      ProcessDefinition definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
      if (repositoryService.getBpmnModelInstance(definition.getId())
          .getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask element
          && element.getCamundaFormRef() != null) {
        return Optional.ofNullable(formsOf(definition.getDeploymentId()).get(element.getCamundaFormRef()));
      }
      return Optional.empty();
    }).orElse(null);
  }

  /** The forms of a deployment, read once per run (a deployment never changes). */
  private Map<String, FormDefinition> formsOf(String deploymentId) {
    return formsByDeployment.computeIfAbsent(deploymentId, id -> {
      Map<String, FormDefinition> byId = new HashMap<>();
      for (String name : repositoryService.getDeploymentResourceNames(id)) {
        if (name.endsWith(".form")) {
          try (InputStream in = repositoryService.getResourceAsStream(id, name)) {
            FormDefinition form = FormDefinition.parse(json.readTree(in));
            byId.put(form.id(), form);
          } catch (IOException e) {
            throw new IllegalStateException("Form " + name + " of deployment " + id + " cannot be read", e);
          }
        }
      }
      return byId;
    });
  }

  private static String message(RuntimeException e) {
    return e == null ? "" : e.getMessage();
  }
}
