package th.go.senate.workflow.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.FiscalYear;
import th.go.senate.workflow.identity.StartupLock;

/**
 * The demo's past: on the first start of the demo profile, a year and more of cases of every process, worked on
 * the real engine with its clock moved (see {@link HistorySimulation}), so that Cockpit's history, the KPI
 * dashboard, the reports with their previous year and projection, and the public statistics show real figures
 * from the first login. Everything is what the platform records when people work: reference numbers of fiscal
 * years 2569 and 2570, KPI step and case facts, SLA escalations, deemed decisions, closed plan-review rounds.
 *
 * <p>Runs at start only with the demo profile active and {@code senate.demo.history.enabled} (set by
 * application-demo.yaml and nowhere else): invented cases must never reach production. Idempotent: the whole
 * history is written in one transaction under the {@link StartupLock} together with a marker (the engine property
 * {@value #MARKER}), so a second start, or a second node starting at the same moment, finds the marker and adds
 * nothing, and a start that fails half way leaves nothing and tries again next time. The job executor of this
 * node is stopped while the clock is in the past (it would otherwise act on the moved clock) and started again
 * after if it was running; the clock is reset whatever happens. The cases still open at the present moment stay
 * open: today's work in Tasklist.
 *
 * <p>{@link #generate(int)} is public for the tests (on the test database, a small size).
 */
@Component
public class DemoHistory {

  /** The engine property (ACT_GE_PROPERTY) that says the history is there, and what it holds. */
  public static final String MARKER = "senate.demo.history";
  /** The seed of the history's choices: the same history on every first start. */
  static final long SEED = 2570L;

  private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);

  /** What a call did; {@code generated} is false when the marker was found and nothing was added. */
  public record Result(boolean generated, String marker, int casesStarted, int instances, int stepsCompleted,
      int stepsLeftOpen, int timersFired, int refusedAttempts, long stepFacts, long caseFacts, Duration took,
      Set<String> processInstanceIds) {
  }

  /** True while this node writes the history: the clock is in the past, so {@link DemoHistoryGate} turns people away. */
  private volatile boolean writing;

  private final Environment environment;
  private final boolean enabled;
  private final int cases;
  private final ProcessEngine processEngine;
  private final StartupLock startupLock;
  private final PlatformTransactionManager transactions;
  private final JdbcTemplate jdbc;

  public DemoHistory(Environment environment, @Value("${senate.demo.history.enabled:false}") boolean enabled,
      @Value("${senate.demo.history.cases:300}") int cases, ProcessEngine processEngine, StartupLock startupLock,
      PlatformTransactionManager transactions, JdbcTemplate jdbc) {
    this.environment = environment;
    this.enabled = enabled;
    this.cases = cases;
    this.processEngine = processEngine;
    this.startupLock = startupLock;
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  /** After the demo users (IdentitySeeder), the KPI targets (plan review) and the session periods are seeded. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(30)
  public void generateAtStart() {
    if (!enabled || !environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    Result result = generate(cases);
    if (result.generated()) {
      LOG.info("Demo history: {} cases started ({} with hand-overs), {} steps completed, {} left open for today, "
          + "{} timers fired, {} step facts and {} case facts, in {} ms", result.casesStarted(), result.instances(),
          result.stepsCompleted(), result.stepsLeftOpen(), result.timersFired(), result.stepFacts(),
          result.caseFacts(), result.took().toMillis());
    } else {
      LOG.info("Demo history already present ({}), nothing added", result.marker());
    }
  }

  /**
   * Generates a history of about {@code size} cases (the scheduled plan reviews and reform reports included)
   * from the first day of the previous fiscal year to now, unless the marker says one is there already.
   */
  public Result generate(int size) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    JobExecutor jobExecutor = configuration.getJobExecutor();
    boolean executorWasActive = jobExecutor != null && jobExecutor.isActive();
    ManagementService managementService = processEngine.getManagementService();
    IdentityService identityService = processEngine.getIdentityService();
    // Before the lock: a second node waiting for it must not hold its executor stopped for nothing.
    if (managementService.getProperties().containsKey(MARKER)) {
      return nothing(managementService);
    }
    long began = System.nanoTime();
    writing = true;
    if (executorWasActive) {
      jobExecutor.shutdown();
    }
    try {
      return startupLock.call(() -> {
        if (managementService.getProperties().containsKey(MARKER)) {
          return nothing(managementService);
        }
        ClockUtil.reset();
        Instant until = BangkokTime.now();
        Instant from = BangkokTime.startOf(FiscalYear.firstDay(FiscalYear.of(until) - 1));
        long stepsBefore = count("kpi_step_fact");
        long casesBefore = count("kpi_case_fact");
        HistorySimulation.Counts counts = simulation().run(size, from, until);
        ClockUtil.reset();
        long stepFacts = count("kpi_step_fact") - stepsBefore;
        long caseFacts = count("kpi_case_fact") - casesBefore;
        String marker = counts.casesStarted() + " cases from " + BangkokTime.dateOf(from) + " to "
            + BangkokTime.dateOf(until) + ", generated " + until;
        managementService.setProperty(MARKER, marker);
        return new Result(true, marker, counts.casesStarted(), counts.instances(), counts.stepsCompleted(),
            counts.stepsLeftOpen(), counts.timersFired(), counts.refusedAttempts(), stepFacts, caseFacts,
            Duration.ofNanos(System.nanoTime() - began), counts.processInstanceIds());
      });
    } finally {
      writing = false;
      ClockUtil.reset();
      identityService.clearAuthentication();
      if (executorWasActive) {
        jobExecutor.start();
      }
    }
  }

  /** Whether this node is writing the history now (the engine's clock is then in the past). */
  public boolean writing() {
    return writing;
  }

  private HistorySimulation simulation() {
    RuntimeService runtimeService = processEngine.getRuntimeService();
    TaskService taskService = processEngine.getTaskService();
    RepositoryService repositoryService = processEngine.getRepositoryService();
    return new HistorySimulation(runtimeService, taskService, processEngine.getManagementService(), repositoryService,
        processEngine.getIdentityService(), transactions, SEED);
  }

  private static Result nothing(ManagementService managementService) {
    return new Result(false, managementService.getProperties().get(MARKER), 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO,
        Set.of());
  }

  private long count(String table) {
    Long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
    return rows == null ? 0 : rows;
  }
}
