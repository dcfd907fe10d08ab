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
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import th.go.senate.workflow.SenateWorkflowApplication;
import th.go.senate.workflow.support.TestPostgres;

/**
 * A node is killed ({@code kill -9}) while Liquibase is creating Camunda's tables on an empty PostgreSQL database,
 * then started again: the second start finishes the migration and opens its port. Before liquibase-sessionlock the
 * dead node left a row locked in DATABASECHANGELOGLOCK and the next start waited for it for five minutes and
 * failed; now the changelog lock is a session advisory lock that PostgreSQL drops with the dead node's connection.
 * The application runs as a separate JVM (the real main class, postgres profile); its second start reads the
 * administrator's password and the integrity key from {@code *_FILE} files (Docker secrets).
 */
@Tag("postgres")
class MigrationCrashTest {

  private static final String ADMIN = "operator";
  private static final String ADMIN_PASSWORD = "Migr4tion-Test-2026!";
  private static final String DATABASE = "senate_migration_crash";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process app;

  @AfterEach
  void stopApp() {
    if (app != null) {
      app.destroyForcibly();
    }
  }

  @Test
  void aNodeKilledDuringTheMigrationDoesNotBlockTheNextStart() throws Exception {
    String url = TestPostgres.createDatabase(DATABASE);
    JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));

    app = launch(url, freePort(), 1);
    // Mid-migration: Liquibase holds its changelog lock (the two-key advisory lock of liquibase-sessionlock) and
    // a changeset's transaction holds exclusive locks on tables it is creating.
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!migrating(db)) {
      assertThat(app.isAlive()).as("application process alive (see target/migration-crash-app-1.log)").isTrue();
      assertThat(System.nanoTime()).as("the migration began within 120 s").isLessThan(deadline);
      Thread.sleep(5);
    }
    app.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no lock release
    int appliedAtKill = appliedChangesets(db);
    System.out.printf("MigrationCrashTest: killed with %d changesets applied%n", appliedAtKill);

    // The dead node's session is gone and with it the lock; no lock row was left behind.
    deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (db.queryForObject("select count(*) from pg_locks l join pg_database d on d.oid = l.database "
        + "where d.datname = ? and l.locktype = 'advisory'", Integer.class, DATABASE) > 0) {
      assertThat(System.nanoTime()).as("PostgreSQL dropped the dead node's locks").isLessThan(deadline);
      Thread.sleep(100);
    }
    if (tableExists(db, "databasechangeloglock")) {
      assertThat(db.queryForObject("select count(*) from databasechangeloglock where locked", Integer.class))
          .as("changelog lock rows left taken").isZero();
    }

    int port = freePort();
    long restart = System.nanoTime();
    app = launch(url, port, 2);
    awaitReady(port);
    System.out.printf("MigrationCrashTest: the next start was ready after %d s%n",
        Duration.ofNanos(System.nanoTime() - restart).toSeconds());
    int applied = appliedChangesets(db);
    assertThat(applied).as("the second start finished the interrupted migration").isGreaterThan(appliedAtKill);
    assertThat(tableExists(db, "act_ru_job")).isTrue();
    assertThat(db.queryForObject("select count(*) from databasechangelog where id = 'senate-2-task-duedate-index'",
        Integer.class)).isEqualTo(1);
  }

  private static boolean migrating(JdbcTemplate db) {
    return db.queryForObject("select exists (select 1 from pg_locks l join pg_database d on d.oid = l.database "
        + "where d.datname = ? and l.locktype = 'advisory' and l.objsubid = 2 and l.granted) "
        + "and exists (select 1 from pg_locks l join pg_database d on d.oid = l.database where d.datname = ? "
        + "and l.locktype = 'relation' and l.mode = 'AccessExclusiveLock' and l.pid <> pg_backend_pid())",
        Boolean.class, DATABASE, DATABASE);
  }

  private static int appliedChangesets(JdbcTemplate db) {
    return tableExists(db, "databasechangelog")
        ? db.queryForObject("select count(*) from databasechangelog", Integer.class) : 0;
  }

  private static boolean tableExists(JdbcTemplate db, String table) {
    return db.queryForObject("select count(*) from information_schema.tables where table_name = ?", Integer.class,
        table) > 0;
  }

  private Process launch(String url, int port, int run) throws IOException {
    String entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    Path classpath = Files.writeString(Path.of("target", "migration-crash-app.classpath"), "-cp \"" + entries + "\"");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-XX:TieredStopAtLevel=1", "@" + classpath.toAbsolutePath(),
        SenateWorkflowApplication.class.getName(), "--spring.profiles.active=postgres", "--server.port=" + port,
        "--logging.level.root=WARN", "--logging.level.org.springframework.boot=INFO",
        "--logging.level.liquibase=INFO");
    Map<String, String> env = builder.environment();
    env.put("SENATE_DB_URL", url);
    env.put("SENATE_DB_USER", "postgres");
    env.put("SENATE_DB_PASSWORD", "");
    env.put("SENATE_TEST_OWN_DATABASE", "true");
    env.put("CAMUNDA_BPM_ADMINUSER_ID", ADMIN);
    if (run == 1) {
      env.put("SENATE_INTEGRITY_KEY", ClusterTest.TEST_INTEGRITY_KEY);
      env.put("CAMUNDA_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD);
    } else {
      // The second start takes its secrets from files, as with Docker secrets (secrets/SecretFiles): the
      // administrator's password must then work for the REST login below.
      env.put("SENATE_INTEGRITY_KEY_FILE", Files.writeString(Path.of("target", "migration-crash-integrity-key"),
          ClusterTest.TEST_INTEGRITY_KEY + "\n").toAbsolutePath().toString());
      env.put("CAMUNDA_BPM_ADMINUSER_PASSWORD_FILE", Files.writeString(Path.of("target",
          "migration-crash-admin-password"), ADMIN_PASSWORD + "\n").toAbsolutePath().toString());
    }
    return builder.redirectErrorStream(true).redirectOutput(new File("target/migration-crash-app-" + run + ".log"))
        .start();
  }

  private void awaitReady(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(app.isAlive()).as("application process alive (see target/migration-crash-app-2.log)").isTrue();
      try {
        HttpResponse<String> engine = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/engine-rest/engine")).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (engine.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("application did not start within 150 s (the changelog lock is still taken?)");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
