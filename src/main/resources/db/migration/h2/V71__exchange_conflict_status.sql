-- A push answered with the one-rating rule's 409 ends as a conflict (第六条), neither sent nor a dead letter.
-- H2 names the column's check constraint itself, so the table is rebuilt with the new check.
create table exchange_push_job_v71 (
    id                 varchar(36)   primary key,
    kind               varchar(16)   not null check (kind in ('CASE', 'RATING', 'RECTIFICATION')),
    record_key         varchar(64)   not null,
    case_no            varchar(50)   not null,
    evaluation_id      varchar(36),
    region_code        varchar(12)   not null,
    department_code    varchar(32),
    status             varchar(8)    not null check (status in ('PENDING', 'SENT', 'DEAD', 'CONFLICT')),
    attempts           int           not null default 0,
    client_failures    int           not null default 0,
    next_attempt_at    timestamp with time zone not null,
    last_attempt_at    timestamp with time zone,
    last_status        int,
    last_error         varchar(1000),
    code_table_version int,
    created_at         timestamp with time zone not null,
    sent_at            timestamp with time zone,
    sent_on            date,
    target             varchar(64),
    payload            varchar(8000)
);
insert into exchange_push_job_v71 (id, kind, record_key, case_no, evaluation_id, region_code, department_code, status,
        attempts, client_failures, next_attempt_at, last_attempt_at, last_status, last_error, code_table_version,
        created_at, sent_at, sent_on, target, payload)
    select id, kind, record_key, case_no, evaluation_id, region_code, department_code, status, attempts,
        client_failures, next_attempt_at, last_attempt_at, last_status, last_error, code_table_version, created_at,
        sent_at, sent_on, target, payload
    from exchange_push_job;
drop table exchange_push_job;
alter table exchange_push_job_v71 rename to exchange_push_job;
alter table exchange_push_job add constraint exchange_push_job_once unique (kind, record_key);
create index exchange_push_job_due_idx on exchange_push_job (status, next_attempt_at);
create index exchange_push_job_case_idx on exchange_push_job (case_no);
create index exchange_push_job_sent_idx on exchange_push_job (sent_on, kind);
create index exchange_push_job_target_idx on exchange_push_job (target, status, next_attempt_at);
