package th.go.senate.workflow.monitoring;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The database part of {@code /actuator/health}, answered within {@code timeout} whatever the database does.
 * Spring Boot's own check waits for a pool connection, up to the pool's connection timeout (10 s in the postgres
 * profile), so with the database stopped the health check answered after 10 s, beyond Docker's and the load
 * balancers' timeouts. Here the check runs on a thread of its own and the answer is DOWN once {@code timeout} has
 * passed; while a check is still hanging, the next health requests answer DOWN at once instead of piling up.
 * Registered as {@code dbHealthIndicator} (MonitoringConfig), which replaces Spring Boot's.
 */
public class DatabaseHealth extends AbstractHealthIndicator implements DisposableBean {

  private final DataSource dataSource;
  private final Duration timeout;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "senate-db-health");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<Future<Boolean>> running = new AtomicReference<>();

  public DatabaseHealth(DataSource dataSource, Duration timeout) {
    super("ฐานข้อมูลไม่ตอบ (database check failed)");
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    Future<Boolean> check = running.get();
    if (check == null || check.isDone()) {
      Future<Boolean> next = executor.submit(this::valid);
      check = running.compareAndSet(check, next) ? next : running.get();
    }
    try {
      if (Boolean.TRUE.equals(check.get(timeout.toMillis(), TimeUnit.MILLISECONDS))) {
        builder.up();
      } else {
        builder.down().withDetail("error", "connection not valid");
      }
    } catch (TimeoutException e) {
      builder.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      builder.down(e.getCause());
    }
  }

  private boolean valid() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid((int) Math.max(1, timeout.toSeconds()));
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
