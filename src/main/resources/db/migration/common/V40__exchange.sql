-- 数据汇聚: the outbox of records pushed to the upstream platform, what lower-level senders reported, the daily
-- reconciliation with the upstream, the versioned code tables per target and the log of bulk imports.

-- One row per record to push (a case, a rating): filled by idempotent listeners, sent by the upstream-push job.
create table exchange_push_job (
    id                 varchar(36)   primary key,
    kind               varchar(16)   not null check (kind in ('CASE', 'RATING', 'RECTIFICATION')),
    record_key         varchar(64)   not null,
    case_no            varchar(50)   not null,
    evaluation_id      varchar(36),
    region_code        varchar(12)   not null,
    department_code    varchar(32),
    status             varchar(8)    not null check (status in ('PENDING', 'SENT', 'DEAD')),
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
    constraint exchange_push_job_once unique (kind, record_key)
);
create index exchange_push_job_due_idx on exchange_push_job (status, next_attempt_at);
create index exchange_push_job_case_idx on exchange_push_job (case_no);
create index exchange_push_job_sent_idx on exchange_push_job (sent_on, kind);

-- One row per record received from a lower-level sender, the first time it arrived: the sender of each case
-- (who owns it) and the idempotency key of each rating (case number and evaluation count, assessNumber).
create table exchange_inbound (
    kind          varchar(16)  not null check (kind in ('CASE', 'RATING', 'RECTIFICATION')),
    case_no       varchar(50)  not null,
    assess_number int          not null,
    client_id     varchar(64)  not null,
    data_source   varchar(64),
    evaluation_id varchar(36),
    received_at   timestamp with time zone not null,
    received_on   date         not null,
    primary key (kind, case_no, assess_number)
);
create index exchange_inbound_counts_idx on exchange_inbound (client_id, received_on, kind);

-- What this instance pushed on a day against what the upstream says it received, per kind, as last checked.
create table exchange_reconciliation (
    reconciled_on     date         not null,
    kind              varchar(16)  not null check (kind in ('CASE', 'RATING', 'RECTIFICATION')),
    pushed            int          not null,
    upstream_received int          not null,
    checked_at        timestamp with time zone not null,
    primary key (reconciled_on, kind)
);

-- Code tables per target (e.g. the provincial interface), versioned: a change is a new version, never an edit.
create table exchange_code_table (
    target     varchar(32)  not null,
    version    int          not null,
    note       varchar(200),
    created_at timestamp with time zone not null,
    primary key (target, version)
);

create table exchange_code_mapping (
    target      varchar(32) not null,
    version     int         not null,
    kind        varchar(16) not null check (kind in
        ('CHANNEL', 'LEVEL', 'ID_TYPE', 'USER_PROP', 'CASE_STATUS', 'CASE_TYPE')),
    local_code  varchar(32) not null,
    remote_code varchar(16) not null,
    primary key (target, version, kind, local_code),
    foreign key (target, version) references exchange_code_table (target, version)
);

-- Bulk imports of existing satisfaction data, with the rows refused and why (the downloadable error report).
create table exchange_import (
    id           varchar(36)   primary key,
    file_name    varchar(200)  not null,
    file_sha256  varchar(64)   not null,
    imported_by  varchar(64)   not null,
    imported_at  timestamp with time zone not null,
    total_rows   int           not null,
    stored_rows  int           not null,
    unchanged    int           not null,
    failed_rows  int           not null
);

create table exchange_import_error (
    import_id varchar(36)   not null references exchange_import (id),
    line_no   int           not null,
    case_no   varchar(64),
    field     varchar(32)   not null,
    message   varchar(300)  not null,
    primary key (import_id, line_no, field)
);
