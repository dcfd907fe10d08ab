package th.go.senate.workflow.perf;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The benchmark's JDBC proxy: wraps the application's DataSource and counts every SQL statement the engine and
 * the platform send (each {@code execute*} call, and each {@code addBatch} of a JDBC batch as one statement).
 * It also keeps the last job-acquisition query of the job executor with its parameters, so that the benchmark
 * can EXPLAIN ANALYZE exactly the SQL that Camunda sends.
 */
final class CountingDataSource extends DelegatingDataSource {

  /** A prepared SQL text with its parameters, in order. */
  record CapturedSql(String sql, Map<Integer, Object> parameters) {

    /** The SQL with its parameters written in as PostgreSQL literals. */
    String withLiterals() {
      StringBuilder out = new StringBuilder();
      int index = 0;
      for (char c : sql.toCharArray()) {
        if (c == '?') {
          Object value = parameters.get(++index);
          out.append(value instanceof Number ? value.toString()
              : value instanceof java.sql.Timestamp ts ? "'" + ts + "'::timestamp"
              : value == null ? "null" : "'" + value.toString().replace("'", "''") + "'");
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }

  final AtomicLong statements = new AtomicLong();
  final AtomicReference<CapturedSql> lastAcquisition = new AtomicReference<>();
  /**
   * While set (the overhead phase, one lifecycle at a time): each statement counted by its source and SQL text,
   * the source being the innermost platform method on the stack (else "engine"). Off in timed runs: a stack walk per
   * statement would distort them.
   */
  volatile Map<String, AtomicLong> capture;
  private static final String STACK_FOR = System.getProperty("bench.stackFor");

  CountingDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(super.getConnection(username, password));
  }

  private Connection wrap(Connection connection) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(connection, method, args);
          if (result instanceof Statement statement) {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            boolean acquisition = sql != null && sql.contains("ACT_RU_JOB RES") && sql.contains("LOCK_OWNER_ is null");
            Class<?> type = method.getReturnType();
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                new StatementHandler(statement, sql, acquisition));
          }
          return result;
        });
  }

  private final class StatementHandler implements InvocationHandler {
    private final Statement target;
    private final String sql;
    private final boolean acquisition;
    private final Map<Integer, Object> parameters = new TreeMap<>();

    StatementHandler(Statement target, String sql, boolean acquisition) {
      this.target = target;
      this.sql = sql;
      this.acquisition = acquisition;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch"))) {
        statements.incrementAndGet();
        Map<String, AtomicLong> bySql = capture;
        if (bySql != null) {
          String text = String.valueOf(sql == null && args != null && args.length > 0 ? args[0] : sql)
              .replaceAll("\\s+", " ").trim();
          if (STACK_FOR != null && text.contains(STACK_FOR)) {
            // Diagnosis (-Dbench.stackFor=<part of the SQL>): who sends it.
            System.out.println("  stack of " + text.substring(Math.max(0, text.length() - 60)));
            StackWalker.getInstance().forEach(f -> {
              if (!f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk.")
                  && !f.getClassName().contains("$Proxy") && !f.getClassName().startsWith("org.apache.ibatis")) {
                System.out.println("      " + f);
              }
            });
          }
          bySql.computeIfAbsent(source() + " | " + text, k -> new AtomicLong()).incrementAndGet();
        }
        if (acquisition && name.startsWith("execute")) {
          lastAcquisition.set(new CapturedSql(sql, new TreeMap<>(parameters)));
        }
      } else if (acquisition && name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i
          && target instanceof PreparedStatement) {
        parameters.put(i, name.equals("setNull") ? null : args[1]);
      }
      return CountingDataSource.invoke(target, method, args);
    }
  }

  /** The innermost platform (non-benchmark) frame that led to the statement, or "engine" when none did. */
  private static String source() {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(f -> f.getClassName().startsWith("th.go.senate.workflow.")
            && !f.getClassName().startsWith("th.go.senate.workflow.perf."))
        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
        .findFirst().orElse("engine"));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
