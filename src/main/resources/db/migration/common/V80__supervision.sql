-- 督查问责 (module supervision): key supervision list, staff coaching and reassignment, appraisal deductions,
-- referrals to discipline inspection, service guide revisions and periodic notices.

create table supervision_key_entry (
    id                varchar(36)   primary key,
    period            varchar(10)   not null,
    subject_kind      varchar(16)   not null check (subject_kind in ('DEPARTMENT', 'STAFF')),
    subject_code      varchar(32)   not null,
    subject_name      varchar(100)  not null,
    region_code       varchar(12)   not null,
    department_code   varchar(32)   not null,
    service_body_code varchar(32),
    staff_no          varchar(32),
    reason            varchar(1000) not null,
    status            varchar(24)   not null check (status in
        ('PROPOSED', 'CONFIRMED', 'MEASURES_SUBMITTED', 'CLOSED', 'DISMISSED')),
    proposed_by       varchar(64)   not null,
    proposed_at       timestamp with time zone not null,
    confirmed_by      varchar(64),
    confirmed_at      timestamp with time zone,
    measures_due      date,
    measures          varchar(2000),
    measures_deadline date,
    submitted_by      varchar(64),
    submitted_at      timestamp with time zone,
    closed_by         varchar(64),
    closed_at         timestamp with time zone,
    result_note       varchar(2000),
    overdue_for       date,
    escalations       int           not null default 0,
    version           int           not null default 0,
    constraint supervision_one_entry_per_period unique (period, subject_kind, subject_code)
);
create index supervision_key_entry_region_idx on supervision_key_entry (region_code, status);
create index supervision_key_entry_subject_idx on supervision_key_entry (subject_kind, subject_code);

create table supervision_coaching (
    id                     varchar(36)   primary key,
    staff_no               varchar(32)   not null,
    staff_name             varchar(100)  not null,
    region_code            varchar(12)   not null,
    department_code        varchar(32)   not null,
    service_body_code      varchar(32),
    key_entry_id           varchar(36)   references supervision_key_entry (id),
    status                 varchar(24)   not null check (status in
        ('COACHING', 'IMPROVED', 'REASSIGNMENT_ORDERED', 'REASSIGNED')),
    coaching               varchar(2000) not null,
    coached_on             date          not null,
    review_on              date          not null,
    review_note            varchar(2000),
    reviewed_by            varchar(64),
    reviewed_at            timestamp with time zone,
    reassignment_deadline  date,
    reassignment_note      varchar(2000),
    reassigned_by          varchar(64),
    reassigned_at          timestamp with time zone,
    recorded_by            varchar(64)   not null,
    recorded_at            timestamp with time zone not null,
    overdue_for            date,
    version                int           not null default 0
);
create index supervision_coaching_staff_idx on supervision_coaching (staff_no, recorded_at);
create index supervision_coaching_status_idx on supervision_coaching (status, region_code);

create table supervision_deduction (
    id                varchar(36)   primary key,
    appraisal_year    int           not null,
    work_order_id     varchar(36)   not null,
    case_no           varchar(50)   not null,
    region_code       varchar(12)   not null,
    department_code   varchar(32)   not null,
    service_body_code varchar(32),
    staff_no          varchar(32),
    against_department boolean      not null,
    against_staff     boolean       not null,
    points            decimal(6,2)  not null check (points > 0),
    reason            varchar(1000) not null,
    loses_eligibility boolean       not null,
    status            varchar(16)   not null check (status in ('ACTIVE', 'REVOKED')),
    recorded_by       varchar(64)   not null,
    recorded_at       timestamp with time zone not null,
    revoked_by        varchar(64),
    revoked_at        timestamp with time zone,
    revoke_note       varchar(1000),
    constraint supervision_one_deduction_per_order unique (work_order_id),
    constraint supervision_deduction_against check (against_department or against_staff)
);
create index supervision_deduction_year_idx on supervision_deduction (appraisal_year, region_code);

create table supervision_referral (
    id                varchar(36)   primary key,
    evaluation_id     varchar(36)   not null,
    work_order_id     varchar(36),
    case_no           varchar(50)   not null,
    region_code       varchar(12)   not null,
    department_code   varchar(32)   not null,
    service_body_code varchar(32),
    staff_no          varchar(32),
    inspection_body   varchar(100)  not null,
    suspicion         varchar(2000) not null,
    status            varchar(16)   not null check (status in ('REFERRED', 'CONCLUDED')),
    referred_by       varchar(64)   not null,
    referred_at       timestamp with time zone not null,
    conclusion        varchar(2000),
    concluded_by      varchar(64),
    concluded_at      timestamp with time zone,
    constraint supervision_one_referral_per_rating unique (evaluation_id)
);
create index supervision_referral_region_idx on supervision_referral (region_code, referred_at);

create table supervision_guide_revision (
    id                varchar(36)   primary key,
    problem_id        varchar(36)   not null,
    item_code         varchar(64)   not null,
    item_name         varchar(200)  not null,
    region_code       varchar(12)   not null,
    department_code   varchar(32)   not null,
    service_body_code varchar(32),
    staff_no          varchar(32),
    request           varchar(2000) not null,
    due_on            date          not null,
    status            varchar(16)   not null check (status in ('REQUESTED', 'SUBMITTED', 'DONE')),
    requested_by      varchar(64)   not null,
    requested_at      timestamp with time zone not null,
    revision          varchar(2000),
    submitted_by      varchar(64),
    submitted_at      timestamp with time zone,
    accepted_by       varchar(64),
    accepted_at       timestamp with time zone,
    version           int           not null default 0
);
create index supervision_guide_revision_item_idx on supervision_guide_revision (item_code, requested_at);
create index supervision_guide_revision_region_idx on supervision_guide_revision (region_code, status);

create table supervision_notice (
    id            varchar(36)   primary key,
    period        varchar(10)   not null,
    region_code   varchar(12)   not null,
    title         varchar(200)  not null,
    body          varchar(20000) not null,
    status        varchar(16)   not null check (status in ('DRAFT', 'PUBLISHED')),
    composed_by   varchar(64)   not null,
    composed_at   timestamp with time zone not null,
    published_by  varchar(64),
    published_at  timestamp with time zone,
    version       int           not null default 0
);
create index supervision_notice_status_idx on supervision_notice (status, published_at);

-- every step of every record above, for the history shown on each page
create table supervision_history (
    id           bigint generated by default as identity primary key,
    subject_type varchar(16)   not null,
    subject_id   varchar(36)   not null,
    at           timestamp with time zone not null,
    actor        varchar(64)   not null,
    action       varchar(32)   not null,
    status_after varchar(24)   not null,
    note         varchar(2000)
);
create index supervision_history_subject_idx on supervision_history (subject_type, subject_id, at);

-- escalations of overdue measures and reassignments, shown in the console
create table supervision_alert (
    id              bigint generated by default as identity primary key,
    at              timestamp with time zone not null,
    region_code     varchar(12)   not null,
    department_code varchar(32)   not null,
    service_body_code varchar(32),
    staff_no        varchar(32),
    subject_type    varchar(16)   not null,
    subject_id      varchar(36)   not null,
    message         varchar(500)  not null
);
create index supervision_alert_region_idx on supervision_alert (region_code, at);
