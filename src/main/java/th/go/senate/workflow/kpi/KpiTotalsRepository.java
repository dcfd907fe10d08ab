package th.go.senate.workflow.kpi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import th.go.senate.workflow.kpi.StepTotals.Count;
import th.go.senate.workflow.kpi.StepTotals.Key;
import th.go.senate.workflow.kpi.StepTotals.Row;

/**
 * Writes the KPI report's pre-aggregate ({@link StepTotals}) in the step's own transaction and rebuilds it from the
 * facts (the repair command).
 *
 * <p>A change of a fact adds its difference to the transaction's pending rows; just before the transaction
 * commits they are written, every row by one atomic upsert, in one order ({@link Key}'s): two transactions that
 * touch the same rows lock them in the same order and never deadlock, and a row is locked only for the moment of
 * the commit. A rolled-back step writes nothing. Outside a transaction (none in the platform) the rows are written
 * at once.
 */
@Repository
public class KpiTotalsRepository {

  private static final String MONTH_KEY = "month_start, process_key, step_id, candidate_group";
  private static final String BAND_KEY = "quarter_start, process_key, step_id, candidate_group, band";
  private static final List<String> COUNTS = Stream.of(Count.values()).map(Count::column).toList();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final boolean postgres;
  private final String upsertMonth;
  private final String upsertBand;

  public KpiTotalsRepository(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.postgres = isPostgres(dataSource);
    this.upsertMonth = upsert("kpi_step_month", MONTH_KEY, "step_name", COUNTS);
    this.upsertBand = upsert("kpi_step_duration", BAND_KEY, null, List.of("completed"));
  }

  /** Adds what changes when a fact goes from {@code before} (null: a new fact) to {@code after}. */
  void record(StepFact before, StepFact after) {
    Map<Key, Row> difference = StepTotals.difference(before, after);
    if (difference.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(difference);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<Key, Row> pending = (Map<Key, Row>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Map<Key, Row> rows = new TreeMap<>();
      TransactionSynchronizationManager.bindResource(this, rows);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          rows.values().removeIf(Row::isZero);
          write(rows);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KpiTotalsRepository.this);
        }
      });
      pending = rows;
    }
    Map<Key, Row> rows = pending;
    difference.forEach((key, row) -> rows.merge(key, row, StepTotals::plus));
  }

  /**
   * The repair command: both tables rebuilt from every fact, in one transaction of its own. On PostgreSQL the facts
   * are locked against writes meanwhile (steps wait for the seconds it takes), so that no step completed during the
   * rebuild is counted twice or not at all. Returns what it did and how many rows it found wrong.
   */
  public Rebuild rebuild() {
    return ownTransaction.execute(status -> rebuildLocked());
  }

  /**
   * The rebuild, when a migration asked for one ({@code kpi_totals_rebuild}); nodes that start together rebuild
   * once, the others find the request gone.
   */
  public Optional<Rebuild> rebuildIfRequested() {
    return ownTransaction.execute(status -> {
      // The request row locked: a second node waits, then finds it gone.
      if (jdbc.queryForList("select requested_at from kpi_totals_rebuild for update").isEmpty()) {
        return Optional.<Rebuild>empty();
      }
      Rebuild rebuild = rebuildLocked();
      jdbc.update("delete from kpi_totals_rebuild");
      return Optional.of(rebuild);
    });
  }

  private Rebuild rebuildLocked() {
    long start = System.nanoTime();
    if (postgres) {
      // Blocks step writes until the rebuild commits, and waits for those under way: none is lost or doubled.
      // (Share row exclusive, not share: it also excludes a second rebuild at the same time.)
      jdbc.execute("lock table kpi_step_fact in share row exclusive mode");
    }
    Map<Key, Row> expected = new TreeMap<>();
    long[] facts = {0};
    JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
    streaming.setFetchSize(10_000);
    streaming.query("select " + KpiRepository.STEP_COLUMNS + " from kpi_step_fact", rs -> {
      facts[0]++;
      StepTotals.of(KpiRepository.step(rs, 0)).forEach((key, row) -> expected.merge(key, row, StepTotals::plus));
    });
    expected.values().removeIf(row -> row.isZero() && row.stepName() == null);
    Map<Key, Row> found = read();
    long wrong = Stream.concat(expected.keySet().stream(), found.keySet().stream()).distinct()
        .filter(key -> !same(expected.get(key), found.get(key))).count();
    jdbc.update("delete from kpi_step_duration");
    jdbc.update("delete from kpi_step_month");
    insert(expected);
    long months = expected.keySet().stream().filter(k -> k.band() == null).count();
    return new Rebuild(facts[0], months, expected.size() - months, wrong,
        Math.round((System.nanoTime() - start) / 1e6));
  }

  /** What the repair command did: facts read, month and band rows written, rows that had been wrong, milliseconds. */
  public record Rebuild(long facts, long monthRows, long bandRows, long rowsWrong, long millis) {
  }

  /** Every row of both tables, as {@link StepTotals} keys them. */
  Map<Key, Row> read() {
    Map<Key, Row> rows = new TreeMap<>();
    jdbc.query("select " + MONTH_KEY + ", step_name, " + String.join(", ", COUNTS) + " from kpi_step_month", rs -> {
      long[] counts = new long[COUNTS.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = rs.getLong(6 + i);
      }
      rows.put(new Key(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4), null),
          new Row(counts, rs.getString(5)));
    });
    jdbc.query("select " + BAND_KEY + ", completed from kpi_step_duration", rs -> {
      rows.put(new Key(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4),
          rs.getInt(5)), new Row(new long[] {rs.getLong(6)}, null));
    });
    return rows;
  }

  private static boolean same(Row a, Row b) {
    if (a == null || b == null) {
      return a == null ? b == null || b.isZero() : a.isZero();
    }
    return Arrays.equals(a.counts(), b.counts()) && Objects.equals(a.stepName(), b.stepName());
  }

  /** Upserts in key order, one batch per table. */
  private void write(Map<Key, Row> rows) {
    List<Object[]> months = new ArrayList<>();
    List<Object[]> bands = new ArrayList<>();
    new TreeMap<>(rows).forEach((key, row) -> (key.band() == null ? months : bands).add(arguments(key, row)));
    if (!months.isEmpty()) {
      jdbc.batchUpdate(upsertMonth, months);
    }
    if (!bands.isEmpty()) {
      jdbc.batchUpdate(upsertBand, bands);
    }
  }

  private void insert(Map<Key, Row> rows) {
    List<Object[]> months = new ArrayList<>();
    List<Object[]> bands = new ArrayList<>();
    rows.forEach((key, row) -> (key.band() == null ? months : bands).add(arguments(key, row)));
    jdbc.batchUpdate("insert into kpi_step_month (" + MONTH_KEY + ", step_name, " + String.join(", ", COUNTS)
        + ") values (" + marks(5 + COUNTS.size()) + ")", months);
    jdbc.batchUpdate("insert into kpi_step_duration (" + BAND_KEY + ", completed) values (" + marks(6) + ")",
        bands);
  }

  /** The row's key columns, then its name (month rows) or band, then its counts. */
  private static Object[] arguments(Key key, Row row) {
    List<Object> values = new ArrayList<>(List.of(key.month(), key.processKey(), key.stepId(), key.bureau()));
    values.add(key.band() == null ? row.stepName() : key.band());
    for (long count : row.counts()) {
      values.add(count);
    }
    return values.toArray();
  }

  /**
   * One atomic upsert that adds the given counts to a row, creating it if needed, and keeps the larger step name:
   * {@code insert … on conflict do update} on PostgreSQL, {@code merge} on H2.
   */
  private String upsert(String table, String keyColumns, String nameColumn, List<String> counts) {
    List<String> keys = List.of(keyColumns.split(", "));
    List<String> columns = new ArrayList<>(keys);
    if (nameColumn != null) {
      columns.add(nameColumn);
    }
    columns.addAll(counts);
    if (postgres) {
      List<String> updates = new ArrayList<>();
      if (nameColumn != null) {
        updates.add(nameColumn + " = " + larger(table + "." + nameColumn, "excluded." + nameColumn));
      }
      counts.forEach(c -> updates.add(c + " = " + table + "." + c + " + excluded." + c));
      return "insert into " + table + " (" + String.join(", ", columns) + ") values (" + marks(columns.size())
          + ") on conflict (" + keyColumns + ") do update set " + String.join(", ", updates);
    }
    List<String> types = new ArrayList<>(List.of("date", "varchar(255)", "varchar(255)", "varchar(255)"));
    if (keys.size() > 4) {
      types.add("integer");
    }
    if (nameColumn != null) {
      types.add("varchar(500)");
    }
    counts.forEach(c -> types.add("bigint"));
    List<String> updates = new ArrayList<>();
    if (nameColumn != null) {
      updates.add(nameColumn + " = " + larger("t." + nameColumn, "s." + nameColumn));
    }
    counts.forEach(c -> updates.add(c + " = t." + c + " + s." + c));
    return "merge into " + table + " t using (values (" + types.stream().map(t -> "cast(? as " + t + ")")
        .collect(Collectors.joining(", ")) + ")) s(" + String.join(", ", columns) + ") on "
        + keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" and "))
        + " when matched then update set " + String.join(", ", updates) + " when not matched then insert ("
        + String.join(", ", columns) + ") values (" + columns.stream().map(c -> "s." + c)
            .collect(Collectors.joining(", ")) + ")";
  }

  /** The larger of two names, either if the other is null (H2's greatest is null when one of them is). */
  private static String larger(String a, String b) {
    return "coalesce(greatest(" + a + ", " + b + "), " + a + ", " + b + ")";
  }

  private static String marks(int count) {
    return String.join(",", Collections.nCopies(count, "?"));
  }

  /** Whether the database is PostgreSQL (else H2): the two differ in upsert and lateral join. */
  static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to learn its kind", e);
    }
  }
}
