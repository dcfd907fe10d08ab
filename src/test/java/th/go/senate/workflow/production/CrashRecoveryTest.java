package th.go.senate.workflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import th.go.senate.workflow.SenateWorkflowApplication;
import th.go.senate.workflow.support.TestPostgres;

/**
 * The application process is killed ({@code kill -9}) on PostgreSQL while petitions are being started and
 * completed over REST, then started again: nothing that was acknowledged (HTTP 200/204) is lost, every SLA
 * timer that came due while it was down fires once after the restart, and the KPI facts agree with the
 * engine's history step by step. The application runs as a separate JVM (the real main class, postgres
 * profile, a host zone other than Bangkok) against the embedded PostgreSQL.
 */
@Tag("postgres")
class CrashRecoveryTest {

  private static final String ADMIN = "operator";
  private static final String ADMIN_PASSWORD = "Kr4sch-Test-2026!";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process app;

  @AfterEach
  void stopApp() {
    if (app != null) {
      app.destroyForcibly();
    }
  }

  @Test
  void nothingAcknowledgedIsLostWhenTheProcessIsKilled() throws Exception {
    String url = TestPostgres.createDatabase("senate_crash");
    JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));

    int firstPort = freePort();
    app = launch(url, firstPort, 1);
    awaitReady(firstPort);
    int port = firstPort;

    // Load: one client starts petitions, another claims and completes their first step.
    List<String> startedInstances = new ArrayList<>();
    ConcurrentLinkedQueue<String> completedTasks = new ConcurrentLinkedQueue<>();
    BlockingQueue<String> toComplete = new LinkedBlockingQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread starter = new Thread(() -> {
      int i = 0;
      while (running.get()) {
        try {
          HttpResponse<String> response = post(port, "/engine-rest/process-definition/key/petition/start",
              "{\"variables\":{" + var("channel", "LETTER") + "," + var("petitionerName", "ผู้ร้อง " + i++) + ","
                  + var("petitionerContact", "02-000-0000") + "," + var("subject", "ทดสอบการหยุดกะทันหัน") + ","
                  + var("details", "รายละเอียด") + "," + var("receivedDate", "2026-11-26") + "}}");
          if (response.statusCode() == 200) {
            String id = field(response.body(), "id");
            synchronized (startedInstances) {
              startedInstances.add(id);
            }
            toComplete.add(id);
          }
        } catch (IOException | InterruptedException e) {
          return; // the application is gone: an unanswered start is not acknowledged
        }
      }
    });
    Thread completer = new Thread(() -> {
      while (running.get()) {
        try {
          String instance = toComplete.poll(200, TimeUnit.MILLISECONDS);
          if (instance == null) {
            continue;
          }
          HttpResponse<String> tasks = get(port, "/engine-rest/task?processInstanceId=" + instance);
          String taskId = field(tasks.body(), "id");
          if (taskId == null || post(port, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + ADMIN + "\"}")
              .statusCode() != 204) {
            continue;
          }
          HttpResponse<String> done = post(port, "/engine-rest/task/" + taskId + "/complete", "{\"variables\":{"
              + var("acknowledgementMethod", "LETTER") + "," + var("acknowledgedOn", "2026-11-27") + "}}");
          if (done.statusCode() == 204) {
            completedTasks.add(taskId);
          }
        } catch (IOException | InterruptedException e) {
          return;
        }
      }
    });
    starter.start();
    completer.start();
    long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
    while (System.nanoTime() < until && (startedInstances.size() < 40 || completedTasks.size() < 15)) {
      Thread.sleep(100);
    }
    // kill -9 in the middle of the traffic.
    app.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    running.set(false);
    starter.join(10_000);
    completer.join(10_000);
    assertThat(startedInstances).as("acknowledged starts before the kill").hasSizeGreaterThan(10);
    assertThat(completedTasks).as("acknowledged completions before the kill").isNotEmpty();

    // While it is down, the SLA timers of the open tasks come due.
    db.update("update act_ru_job set duedate_ = now() - interval '1 minute' where handler_type_ = 'timer-task-listener'");
    List<String> dueTimers = db.queryForList("select id_ from act_ru_job where handler_type_ = 'timer-task-listener'",
        String.class);
    assertThat(dueTimers).isNotEmpty();
    System.out.printf("CrashRecoveryTest: killed after %d acknowledged starts and %d acknowledged completions; "
        + "%d instances in the database; %d SLA timers made due%n", startedInstances.size(), completedTasks.size(),
        db.queryForObject("select count(*) from act_hi_procinst", Integer.class), dueTimers.size());

    int secondPort = freePort();
    app = launch(url, secondPort, 2);
    awaitReady(secondPort);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (db.queryForObject("select count(*) from act_ru_job where id_ in (" + in(dueTimers) + ")", Integer.class) > 0) {
      assertThat(System.nanoTime()).as("due timers fired after the restart").isLessThan(deadline);
      Thread.sleep(250);
    }

    // Nothing acknowledged was lost.
    assertThat(db.queryForObject("select count(*) from act_hi_procinst where id_ in (" + in(startedInstances) + ")",
        Integer.class)).isEqualTo(startedInstances.size());
    assertThat(db.queryForObject("select count(*) from kpi_case_fact where process_instance_id in ("
        + in(startedInstances) + ")", Integer.class)).isEqualTo(startedInstances.size());
    List<String> completed = List.copyOf(completedTasks);
    assertThat(db.queryForObject("select count(*) from act_hi_taskinst where delete_reason_ = 'completed' and id_ in ("
        + in(completed) + ")", Integer.class)).isEqualTo(completed.size());
    assertThat(db.queryForObject("select count(*) from kpi_step_fact where end_state = 'COMPLETED' "
        + "and completed_at is not null and task_id in (" + in(completed) + ")", Integer.class)).isEqualTo(completed.size());

    // Every timer that came due fired exactly once.
    assertThat(db.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2 and job_id_ in ("
        + in(dueTimers) + ")", Integer.class)).isEqualTo(dueTimers.size());
    assertThat(db.queryForObject("select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 "
        + "and job_id_ in (" + in(dueTimers) + ")", Integer.class)).isEqualTo(dueTimers.size());

    // The KPI facts agree with the engine's history, step by step.
    assertThat(counts(db, "select task_def_key_, count(*) from act_hi_taskinst group by task_def_key_"))
        .isEqualTo(counts(db, "select step_id, count(*) from kpi_step_fact group by step_id"));
    assertThat(counts(db, "select task_def_key_, count(*) from act_hi_taskinst where delete_reason_ = 'completed' "
        + "group by task_def_key_"))
        .isEqualTo(counts(db, "select step_id, count(*) from kpi_step_fact where end_state = 'COMPLETED' group by step_id"));
    assertThat(db.queryForObject("select count(*) from kpi_case_fact", Integer.class))
        .isEqualTo(db.queryForObject("select count(*) from act_hi_procinst", Integer.class));
  }

  private Process launch(String url, int port, int run) throws IOException {
    // The test JVM's class path (main and test classes, dependencies), without empty entries: an empty entry
    // would put the working directory, and with it the source models, on the class path a second time.
    String entries = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(java.util.stream.Collectors.joining(File.pathSeparator));
    Path classpath = Files.writeString(Path.of("target", "crash-app.classpath"), "-cp \"" + entries + "\"");
    File log = new File("target/crash-app-" + run + ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=America/New_York", "@" + classpath.toAbsolutePath(),
        SenateWorkflowApplication.class.getName(), "--spring.profiles.active=postgres", "--server.port=" + port,
        "--logging.level.root=WARN", "--logging.level.org.springframework.boot=INFO");
    Map<String, String> env = builder.environment();
    env.put("SENATE_DB_URL", url);
    env.put("SENATE_DB_USER", "postgres");
    env.put("SENATE_DB_PASSWORD", "");
    env.put("SENATE_TEST_OWN_DATABASE", "true");
    env.put("SENATE_INTEGRITY_KEY", ClusterTest.TEST_INTEGRITY_KEY);
    env.put("CAMUNDA_BPM_ADMINUSER_ID", ADMIN);
    env.put("CAMUNDA_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD);
    return builder.redirectErrorStream(true).redirectOutput(log).start();
  }

  private void awaitReady(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(app.isAlive()).as("application process alive (see target/crash-app-*.log)").isTrue();
      try {
        if (get(port, "/engine-rest/engine").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("application did not start within 120 s");
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
    return http.send(request(port, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private static String var(String name, String value) {
    return "\"" + name + "\":{\"value\":\"" + value + "\",\"type\":\"String\"}";
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  private static String in(List<String> ids) {
    return ids.isEmpty() ? "''" : "'" + String.join("','", ids) + "'";
  }

  private static Map<String, Integer> counts(JdbcTemplate db, String sql) {
    Map<String, Integer> result = new TreeMap<>();
    db.query(sql, rs -> {
      result.put(rs.getString(1), rs.getInt(2));
    });
    return result;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
