-- The KPI report reads four slices of the step facts, each through an index (KpiReportService.figures):
-- created in the period, completed in it (kpi_step_fact_completed, V5_1), breached in it, open at an instant
-- (kpi_step_fact_completed again: completed_at is null, or completed after the instant).
-- Measured by KpiReportBenchmark over 1,000,000 facts: README, Performance.
create index kpi_step_fact_created on kpi_step_fact (created_at);
create index kpi_step_fact_breached on kpi_step_fact (breached_at);
