-- Indexes of the KPI reports, metrics and public statistics (issue 5). Portable: H2 and PostgreSQL.
-- Every report query reads the facts alive during a period: created before its end and completed after
-- its start, or still open (completed_at is null); metrics read the open facts per bureau.
create index kpi_step_fact_completed on kpi_step_fact (completed_at, created_at);
-- The same with a process or a bureau chosen (a bureau head's report is always filtered by bureau).
create index kpi_step_fact_process_completed on kpi_step_fact (process_key, completed_at);
create index kpi_step_fact_group_completed on kpi_step_fact (candidate_group, completed_at);
