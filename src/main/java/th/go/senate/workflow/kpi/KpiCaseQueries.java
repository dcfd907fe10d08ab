package th.go.senate.workflow.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.kpi.KpiCases.Measure;

/**
 * The step facts behind one figure of a report (the drill-down of the dashboard). Each measure selects exactly the
 * steps the report counts for that figure ({@link KpiReportQueries}: completed in the round and not on time; open
 * at the report's instant, and past due then); {@code KpiCasesTest} holds the lists to the report's figures.
 */
@Repository
public class KpiCaseQueries {

  /** The report's key of the group of steps with no candidate group (grouped by bureau). */
  static final String NO_BUREAU = "-";

  /** What a figure counts, over {@code kpi_step_fact s}, with {@code :from}, {@code :to} and {@code :asOf}. */
  private static String condition(Measure measure) {
    String open = "s.created_at < :asOf and (s.completed_at is null or s.completed_at >= :asOf)";
    return switch (measure) {
      // the report's completed steps (cancelled ones are neither) less those with the SLA met
      case LATE -> "s.completed_at >= :from and s.completed_at < :to and s.end_state = '" + KpiRecorder.COMPLETED
          + "' and coalesce(s.sla_met, false) = false";
      case OVERDUE -> open + " and s.due_at < :asOf";
      case OPEN -> open;
    };
  }

  private final NamedParameterJdbcTemplate jdbc;

  public KpiCaseQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The filters of a drill-down: process, step, bureaus ({@code null} all; {@code "-"} the steps with no group). */
  record Filter(ReportPeriod period, Instant asOf, Measure measure, String processKey, String stepId,
      Collection<String> bureaus, Collection<String> hiddenProcesses) {
  }

  /** The number of steps behind the figure, and of them those of {@code hiddenProcesses}. */
  long[] count(Filter filter) {
    MapSqlParameterSource params = params(filter);
    String hidden = filter.hiddenProcesses().isEmpty() ? "0"
        : "count(*) filter (where s.process_key in (:hidden))";
    return jdbc.queryForObject("select count(*) as total, " + hidden + " as hidden from kpi_step_fact s where "
        + condition(filter.measure()) + filters(filter, params), params,
        (rs, i) -> new long[] {rs.getLong("total"), rs.getLong("hidden")});
  }

  /** The first {@code limit} steps behind the figure, those of {@code hiddenProcesses} left out. */
  List<Row> steps(Filter filter, int limit) {
    MapSqlParameterSource params = params(filter).addValue("limit", limit);
    String where = condition(filter.measure()) + filters(filter, params)
        + (filter.hiddenProcesses().isEmpty() ? "" : " and s.process_key not in (:hidden)");
    // Late steps newest first; open ones by due time, the longest overdue first.
    String order = filter.measure() == Measure.LATE ? "s.completed_at desc, s.task_id"
        : "case when s.due_at is null then 1 else 0 end, s.due_at, s.created_at, s.task_id";
    String sql = "select s.task_id, s.process_instance_id, s.process_key, s.business_key, s.step_id, s.step_name, "
        + "s.candidate_group, s.assignee, s.created_at, s.due_at, s.completed_at, s.working_minutes, c.ended_at, "
        + "c.process_instance_id as case_id from kpi_step_fact s left join kpi_case_fact c "
        + "on c.process_instance_id = s.process_instance_id where " + where + " order by " + order
        + " fetch first :limit rows only";
    List<Row> rows = new ArrayList<>();
    jdbc.query(sql, params, rs -> {
      OffsetDateTime completed = local(rs.getObject("completed_at", OffsetDateTime.class));
      boolean caseOpen = rs.getString("case_id") != null && rs.getObject("ended_at") == null;
      rows.add(new Row(completed == null ? rs.getString("task_id") : null, rs.getString("process_instance_id"),
          rs.getString("process_key"), rs.getString("business_key"), rs.getString("step_id"),
          rs.getString("step_name"), rs.getString("candidate_group"), rs.getString("assignee"),
          local(rs.getObject("created_at", OffsetDateTime.class)), local(rs.getObject("due_at", OffsetDateTime.class)),
          completed, (Integer) rs.getObject("working_minutes"), caseOpen));
    });
    return rows;
  }

  /** One step fact as the drill-down reads it; {@code openTaskId} only while the task is still open. */
  record Row(String openTaskId, String processInstanceId, String processKey, String businessKey, String stepId,
      String stepName, String bureau, String assignee, OffsetDateTime createdAt, OffsetDateTime dueAt,
      OffsetDateTime completedAt, Integer workingMinutes, boolean caseOpen) {
  }

  private static MapSqlParameterSource params(Filter filter) {
    MapSqlParameterSource params = new MapSqlParameterSource("from", KpiRepository.time(filter.period().from()))
        .addValue("to", KpiRepository.time(filter.period().to()))
        .addValue("asOf", KpiRepository.time(filter.asOf()));
    if (!filter.hiddenProcesses().isEmpty()) {
      params.addValue("hidden", List.copyOf(filter.hiddenProcesses()));
    }
    return params;
  }

  private static String filters(Filter filter, MapSqlParameterSource params) {
    StringBuilder sql = new StringBuilder();
    if (filter.processKey() != null) {
      sql.append(" and s.process_key = :processKey");
      params.addValue("processKey", filter.processKey());
    }
    if (filter.stepId() != null) {
      sql.append(" and s.step_id = :stepId");
      params.addValue("stepId", filter.stepId());
    }
    if (filter.bureaus() != null) {
      List<String> named = filter.bureaus().stream().filter(b -> !NO_BUREAU.equals(b)).toList();
      List<String> either = new ArrayList<>();
      if (!named.isEmpty()) {
        either.add("s.candidate_group in (:bureaus)");
        params.addValue("bureaus", named);
      }
      if (filter.bureaus().contains(NO_BUREAU)) {
        either.add("s.candidate_group is null");
      }
      sql.append(either.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", either) + ")");
    }
    return sql.toString();
  }

  /** Timestamps in Bangkok time whatever zone the database session uses. */
  private static OffsetDateTime local(OffsetDateTime value) {
    return value == null ? null : value.atZoneSameInstant(BangkokTime.ZONE).toOffsetDateTime();
  }
}
