-- Issue 3 (legislation): the days of its legal limit a case used, counted on the limit's calendar
-- (session days for an ordinary or money bill, calendar days for a budget bill). Null for processes
-- without a legal limit of their own. Version 3.3 (issue 3) so that parallel migrations do not collide.
alter table kpi_case_fact add column limit_days_used integer;
