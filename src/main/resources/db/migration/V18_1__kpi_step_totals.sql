-- The KPI report's pre-aggregate (issue 17 §5: a whole report in p95 <= 300 ms at 1,000,000 step facts).
-- kpi/StepTotals defines what each step fact adds to these rows; KpiTotalsRepository writes the difference in
-- the step's own transaction and rebuilds both tables exactly from kpi_step_fact (the repair command,
-- POST /api/kpi/totals/rebuild). They hold counts only; every figure still comes from the facts' recorded values.

-- Per Bangkok calendar month (month_start: its first day; "month" is a reserved word in H2) and step (process, step, candidate group; '' when the step had none):
--   started, escalations  of the steps created in the month (escalations added later count in the same row),
--   breaches              SLA breaches recorded in the month,
--   ended                 steps that ended (completed or cancelled), by the later of arrival and end,
--   completed, on_time    steps completed (not cancelled) in the month, and of them with the SLA met,
--   due                   steps with a due time, by the later of arrival and due time,
--   settled               steps with a due time that ended, by the latest of arrival, due time and end:
--                         "overdue at X" = due before X - settled before X; "open at X" = started - ended before X
--                         (the later of arrival and ...: only steps that had arrived by X count).
create table kpi_step_month (
  month_start     date not null,
  process_key     varchar(255) not null,
  step_id         varchar(255) not null,
  candidate_group varchar(255) not null,
  step_name       varchar(500),
  started         bigint not null,
  escalations     bigint not null,
  breaches        bigint not null,
  ended           bigint not null,
  completed       bigint not null,
  on_time         bigint not null,
  due             bigint not null,
  settled         bigint not null,
  primary key (month_start, process_key, step_id, candidate_group)
);

-- The completed steps of the quarter (October-December, ...: every round ends on a quarter's end) per band of 30
-- working minutes (band = working_minutes / 30): where the median and 90th percentile fall; the exact values
-- then come from the facts of that one band (kpi_step_fact_step below).
create table kpi_step_duration (
  quarter_start   date not null,
  process_key     varchar(255) not null,
  step_id         varchar(255) not null,
  candidate_group varchar(255) not null,
  band            integer not null,
  completed       bigint not null,
  primary key (quarter_start, process_key, step_id, candidate_group, band)
);

-- The facts of one step in one duration band, completed in a round: same leading columns as before, so the
-- step-name and process look-ups keep their index.
drop index kpi_step_fact_step;
create index kpi_step_fact_step on kpi_step_fact (process_key, step_id, working_minutes, completed_at,
  candidate_group, end_state);

-- Open at an instant within a month ("open at X", the backlog of the last 30 days): created in a range, ended
-- when. The same index as V17_5 with completed_at appended.
drop index kpi_step_fact_created;
create index kpi_step_fact_created on kpi_step_fact (created_at, process_key, step_id, candidate_group, escalations,
  step_name, completed_at, due_at);

-- Due within a month, for "overdue at X" when X is not the first of a month (last year's figures of a round in
-- progress).
create index kpi_step_fact_due on kpi_step_fact (due_at, completed_at, created_at, process_key, step_id,
  candidate_group);

-- A database that already holds facts gets its totals built from them when the platform next starts
-- (KpiTotalsController.buildIfRequested): one row here asks for it, and the rebuild removes it.
create table kpi_totals_rebuild (
  requested_at timestamp with time zone not null
);
insert into kpi_totals_rebuild (requested_at) select max(created_at) from kpi_step_fact having count(*) > 0;
