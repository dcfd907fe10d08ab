-- Whole KPI reports in two statements (issue 17 §5, KpiReportQueries.whole): the report's index ranges become
-- covering, so that PostgreSQL answers each slice by an index-only scan instead of fetching every fact of the
-- round from the table (the heap fetches were most of a report's time: KpiReportBenchmark, docs/performance.md).
-- The same three indexes as V5_1/V6_1 with the columns the reports read appended: no more indexes to write per
-- step. Portable (H2 and PostgreSQL): plain key columns, no INCLUDE.

-- Completed in the period (completed, on time, working minutes, months), open at an instant (still open, or
-- completed after it: created_at, due_at for the backlog and overdue).
drop index kpi_step_fact_completed;
create index kpi_step_fact_completed on kpi_step_fact (completed_at, created_at, end_state, process_key, step_id,
  candidate_group, working_minutes, sla_met, due_at, step_name);

-- Created in the period (started, escalations).
drop index kpi_step_fact_created;
create index kpi_step_fact_created on kpi_step_fact (created_at, process_key, step_id, candidate_group, escalations,
  step_name);

-- Breached in the period.
drop index kpi_step_fact_breached;
create index kpi_step_fact_breached on kpi_step_fact (breached_at, process_key, step_id, candidate_group, step_name);
