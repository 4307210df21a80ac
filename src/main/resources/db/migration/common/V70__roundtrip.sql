-- Both directions with the province, one handler (domain.md §8; plan 三(二)): a case reported by a lower-level
-- platform is owned and handled there; this instance keeps it, forwards the ratings given here down to its owner
-- and receives the owner's rectification results (第十条).

-- The owner of a case reported by another platform (null: this instance owns and handles it).
alter table casework_case add column origin_client varchar(64);
alter table casework_case add column origin_name varchar(100);

-- Cases lower-level platforms reported before this version are theirs too: no default, no invitation here.
update casework_case set origin_client = (select i.client_id from exchange_inbound i
        where i.kind = 'CASE' and i.case_no = casework_case.case_no)
    where exists (select 1 from exchange_inbound i join identity_api_client a on a.client_id = i.client_id
        where i.kind = 'CASE' and i.case_no = casework_case.case_no and a.kind = 'LOWER_PLATFORM');
update casework_case set origin_name = (select a.name from identity_api_client a
        where a.client_id = casework_case.origin_client)
    where origin_client is not null;
delete from evaluation_expected where case_no in (select case_no from casework_case where origin_client is not null);
update channels_sms_invitation set status = 'CANCELLED'
    where status = 'PENDING' and case_no in (select case_no from casework_case where origin_client is not null);

-- The outbox also carries ratings down to the owners of their cases (target: the owner's client id; null: the
-- upstream) and rectification results up (payload: the facts of the result when it was queued).
alter table exchange_push_job add column target varchar(64);
alter table exchange_push_job add column payload varchar(8000);
create index exchange_push_job_target_idx on exchange_push_job (target, status, next_attempt_at);

-- Rectification results received from the platforms that own the cases, one row per result.
create table exchange_rectification (
    case_no         varchar(50)   not null,
    status          varchar(16)   not null check (status in ('RECTIFIED', 'CLOSED')),
    happened_at     timestamp with time zone not null,
    assess_number   int           not null,
    client_id       varchar(64)   not null,
    root_cause      varchar(16),
    measures        varchar(2000),
    on_time         boolean,
    outcome         varchar(16),
    region_code     varchar(12)   not null,
    department_code varchar(32),
    data_source     varchar(64),
    received_at     timestamp with time zone not null,
    received_on     date          not null,
    primary key (case_no, status, happened_at)
);
create index exchange_rectification_counts_idx on exchange_rectification (client_id, received_on);

-- A rating of a case that met another rating of it on the other level (第六条): what each side saw.
create table exchange_conflict (
    id              varchar(36)   primary key,
    case_no         varchar(50)   not null,
    side            varchar(8)    not null check (side in ('SENT', 'RECEIVED')),
    peer            varchar(200)  not null,
    evaluation_id   varchar(36),
    our_level       varchar(20),
    our_channel     varchar(20),
    our_time        timestamp with time zone,
    their_level     varchar(20),
    their_channel   varchar(20),
    their_time      timestamp with time zone,
    region_code     varchar(12)   not null,
    department_code varchar(32),
    detected_at     timestamp with time zone not null,
    detected_on     date          not null
);
create index exchange_conflict_day_idx on exchange_conflict (detected_on);
create index exchange_conflict_case_idx on exchange_conflict (case_no);

-- The bad ratings of cases that lower-level platforms own, followed here with their owners' results.
create table exchange_loop (
    case_no         varchar(50)   primary key,
    owner_client    varchar(64)   not null,
    owner_name      varchar(100),
    evaluation_id   varchar(36)   not null,
    level           varchar(20)   not null,
    channel         varchar(20)   not null,
    rated_here      boolean       not null,
    rated_at        timestamp with time zone not null,
    item_name       varchar(200),
    region_code     varchar(12)   not null,
    department_code varchar(32),
    recorded_at     timestamp with time zone not null
);
create index exchange_loop_region_idx on exchange_loop (region_code, rated_at);
