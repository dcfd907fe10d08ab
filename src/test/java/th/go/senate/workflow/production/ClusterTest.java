package th.go.senate.workflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import th.go.senate.workflow.SenateWorkflowApplication;
import th.go.senate.workflow.support.TestPostgres;
import th.go.senate.workflow.tasklist.TasklistFilters;

/**
 * Two identical nodes with running job executors on one PostgreSQL database (two Spring contexts of the whole
 * application, postgres profile): they start at the same moment without a duplicate deployment or a seeding
 * failure; more than 1,000 SLA timers come due and each fires exactly once across the nodes; one node stops in
 * the middle and the other finishes every job.
 */
@Tag("postgres")
class ClusterTest {

  /** 3 SLA checkpoints (warning, breach, escalation) per open task: 340 tasks give 1,020 timer firings. */
  static final int INSTANCES = Integer.getInteger("senate.cluster.instances", 340);
  static final int CHECKPOINTS = 3;
  /** The public test key of application-test.yaml (the integrity store needs one to start). */
  static final String TEST_INTEGRITY_KEY = "SXY34fSCtuYSkqahvhdkVBOmeqdCa4HmpTK31Wetvus=";

  private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterAll
  static void stopNodes() {
    ClockUtil.reset();
    nodes.forEach(node -> {
      if (node.isActive()) {
        node.close();
      }
    });
  }

  /**
   * Spring Boot (re)initialises the JVM-wide logging system while it prepares each application's environment;
   * two applications doing that at the same instant race inside Logback (ConcurrentModificationException,
   * "Unable to find Spring Environment in logger context"). Only that step is taken in turn; the nodes still
   * start, migrate, deploy and seed at the same moment.
   */
  private static final java.util.concurrent.locks.ReentrantLock LOGGING_INIT = new java.util.concurrent.locks.ReentrantLock();

  static ConfigurableApplicationContext startNode(String name, String url) {
    return startNode(name, url, Map.of());
  }

  /** A node with more command-line properties ({@code extra}, e.g. an SMTP server). */
  static ConfigurableApplicationContext startNode(String name, String url, Map<String, String> extra) {
    Map<String, String> properties = new java.util.LinkedHashMap<>(nodeProperties(name, url));
    properties.putAll(extra);
    return new SpringApplicationBuilder(SenateWorkflowApplication.class)
        .listeners(event -> {
          if (event instanceof org.springframework.boot.context.event.ApplicationStartingEvent) {
            LOGGING_INIT.lock();
          } else if ((event instanceof org.springframework.boot.context.event.ApplicationContextInitializedEvent
              || event instanceof org.springframework.boot.context.event.ApplicationFailedEvent)
              && LOGGING_INIT.isHeldByCurrentThread()) {
            LOGGING_INIT.unlock();
          }
        })
        .web(WebApplicationType.SERVLET)
        .profiles("postgres")
        // Command-line arguments: they take precedence over application*.yaml, as an operator's would.
        .run(args(properties));
  }

  private static Map<String, String> nodeProperties(String name, String url) {
    return Map.ofEntries(
            Map.entry("senate.test.own-database", "true"),
            Map.entry("server.port", "0"),
            Map.entry("SENATE_DB_URL", url),
            Map.entry("SENATE_DB_USER", "postgres"),
            Map.entry("SENATE_DB_PASSWORD", ""),
            Map.entry("SENATE_DB_POOL_SIZE", "8"),
            Map.entry("SENATE_INTEGRITY_KEY", TEST_INTEGRITY_KEY),
            Map.entry("spring.datasource.hikari.connection-timeout", "5000"),
            Map.entry("camunda.bpm.admin-user.id", "admin"),
            Map.entry("camunda.bpm.admin-user.password", "Kl4ster-Geheim-2026!"),
            // Two engines in one JVM need two names; the database does not care.
            Map.entry("camunda.bpm.process-engine-name", name),
            Map.entry("SENATE_NODE_NAME", name),
            Map.entry("camunda.bpm.job-execution.enabled", "true"),
            Map.entry("camunda.bpm.job-execution.core-pool-size", "2"),
            Map.entry("camunda.bpm.job-execution.max-pool-size", "2"),
            Map.entry("camunda.bpm.job-execution.max-jobs-per-acquisition", "10"),
            Map.entry("camunda.bpm.job-execution.wait-time-in-millis", "200"),
            Map.entry("camunda.bpm.job-execution.max-wait", "1000"),
            // A stopped node's locks expire quickly, so that the other takes over its acquired jobs.
            Map.entry("camunda.bpm.job-execution.lock-time-in-millis", "15000"),
            Map.entry("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN"),
            Map.entry("logging.level.th.go.senate.workflow.sla", "WARN"));
  }

  static String[] args(Map<String, String> properties) {
    return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
  }

  @Test
  void twoNodesShareTheTimersAndOneFinishesWhenTheOtherStops() throws Exception {
    String url = TestPostgres.createDatabase("senate_cluster");
    JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));

    // Both nodes start at the same moment on an empty database.
    CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(() -> startNode("nodeA", url));
    CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> startNode("nodeB", url));
    ConfigurableApplicationContext nodeA = a.get(4, TimeUnit.MINUTES);
    nodes.add(nodeA);
    ConfigurableApplicationContext nodeB = b.get(4, TimeUnit.MINUTES);
    nodes.add(nodeB);
    log("both nodes started");

    assertThat(db.queryForObject("select count(*) from act_re_deployment", Integer.class))
        .as("one deployment for two nodes").isEqualTo(1);
    assertThat(db.queryForObject("select count(*) from act_re_procdef where key_ = 'petition'", Integer.class)).isEqualTo(1);
    assertThat(db.queryForObject("select count(*) from act_ru_filter where name_ = ?", Integer.class, TasklistFilters.MY_TASKS))
        .as("Tasklist filters created once").isEqualTo(1);
    assertThat(db.queryForObject("select count(*) from act_id_user where id_ = 'admin'", Integer.class)).isEqualTo(1);
    assertThat(db.queryForObject("select count(*) from act_id_membership where group_id_ = 'camunda-admin'", Integer.class))
        .isEqualTo(1);
    assertThat(db.queryForObject("select count(*) from act_id_group where id_ = 'officePresident'", Integer.class)).isEqualTo(1);

    // 340 petitions, each waiting at its first step with an SLA timer.
    RuntimeService runtime = nodeA.getBean(ProcessEngine.class).getRuntimeService();
    for (int i = 0; i < INSTANCES; i++) {
      runtime.startProcessInstanceByKey("petition", Map.of("channel", "LETTER", "petitionerName", "ผู้ร้อง " + i,
          "petitionerContact", "081-000-0000", "subject", "เรื่องทดสอบคลัสเตอร์", "details", "รายละเอียด",
          "receivedDate", "2026-11-26"));
    }
    int tasks = INSTANCES;
    log("started " + tasks + " instances");
    assertThat(db.queryForObject("select count(*) from act_ru_job where handler_type_ = 'timer-task-listener'",
        Integer.class)).isEqualTo(tasks);

    // Half a year later every checkpoint has come due (the clock keeps running from there).
    ClockUtil.offset(Duration.ofDays(180).toMillis());

    // Node B stops in the middle of the run.
    waitUntil(() -> successes(db) >= tasks / 2, Duration.ofMinutes(3), "the first firings");
    long beforeStop = successes(db);
    java.sql.Timestamp stopStarted = new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime());
    log("stopping nodeB after " + beforeStop + " firings");
    nodeB.close();
    log("nodeB stopped after " + successes(db) + " firings");
    assertThat(beforeStop).isLessThan((long) tasks * CHECKPOINTS);

    // Node A finishes every job, including those node B had acquired when it stopped (the history cleanup job
    // stays: it is rescheduled to the next night's window, engine/EngineOperations).
    waitUntil(() -> successes(db) >= (long) tasks * CHECKPOINTS
            && db.queryForObject("select count(*) from act_ru_job where handler_type_ <> 'history-cleanup'",
                Integer.class) == 0,
        Duration.ofMinutes(4), "every firing");
    log("all " + successes(db) + " firings done");

    // Each timer fired exactly once: one successful execution per job, three per task, no job left.
    assertThat(successes(db)).isEqualTo((long) tasks * CHECKPOINTS);
    assertThat(db.queryForObject("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 "
        + "group by job_id_ having count(*) > 1) twice", Integer.class)).as("jobs executed twice").isZero();
    assertThat(db.queryForObject("select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 "
        + "and job_def_type_ = 'timer-task-listener'", Integer.class)).isEqualTo(tasks * CHECKPOINTS);
    // Both nodes did work, and node A alone after node B stopped.
    List<String> hosts = db.queryForList("select distinct hostname_ from act_hi_job_log where job_state_ = 2 order by 1",
        String.class);
    assertThat(hosts).containsExactly("nodeA", "nodeB");
    // Node A went on firing after node B began to stop (node B's graceful stop finishes what it holds).
    assertThat(db.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = 'nodeA' "
        + "and timestamp_ > ?", Integer.class, stopStarted)).isPositive();
    assertThat(db.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = 'nodeB' "
        + "and timestamp_ > ?", Integer.class, new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime())))
        .as("nothing by node B after it stopped").isZero();

    // The facts agree: one breach per task, never two.
    assertThat(db.queryForObject("select count(*) from kpi_step_fact where breached_at is not null", Integer.class))
        .isEqualTo(tasks);
    // Two escalations per task: to the bureau head at the breach, to sgOffice at the escalation checkpoint.
    assertThat(db.queryForObject("select sum(escalations) from kpi_step_fact", Integer.class)).isEqualTo(2 * tasks);
    assertThat(db.queryForObject("select max(escalations) from kpi_step_fact", Integer.class)).isEqualTo(2);
    assertThat(db.queryForObject("select count(*) from act_ru_task where priority_ = 100", Integer.class)).isEqualTo(tasks);
    assertThat(db.queryForObject("select count(*) from act_ru_identitylink where type_ = 'candidate' "
        + "and group_id_ = 'sgOffice'", Integer.class)).isEqualTo(tasks);
  }

  static void log(String message) {
    System.out.println(java.time.Instant.now() + " ClusterTest: " + message);
  }

  static long successes(JdbcTemplate db) {
    return db.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2 "
        + "and job_def_type_ = 'timer-task-listener'", Long.class);
  }

  static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      Thread.sleep(250);
    }
  }
}
