-- The notice outbox (issue 16): every e-mail the platform sends, written in the engine's transaction (a
-- rolled-back step leaves no row) and sent after commit by a job of the engine's job executor, which
-- carries the retries, the incident after the last failure and the once-only execution in a cluster.
-- The rows stay as the record of what was sent to whom (the admin page /api/notices lists them).
create table notice_outbox (
  id                  varchar(36) primary key,
  kind                varchar(60) not null,
  recipient           varchar(320) not null,
  recipient_user      varchar(255),
  subject             varchar(1000) not null,
  body                varchar(20000) not null,
  business_key        varchar(255),
  process_instance_id varchar(64),
  task_id             varchar(64),
  created_at          timestamp with time zone not null,
  sent_at             timestamp with time zone,
  attempts            integer default 0 not null,
  last_error          varchar(2000)
);
create index notice_outbox_case on notice_outbox (business_key);
create index notice_outbox_created on notice_outbox (created_at);
