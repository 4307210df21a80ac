-- 评价: one rating per case (第六条), held by the unique constraint on case_no.
create table evaluation_evaluation (
    id                     varchar(36)  primary key,
    case_no                varchar(50)  not null,
    level                  varchar(20)  not null check (level in
        ('VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED')),
    channel                varchar(20)  not null check (channel in
        ('PC', 'MOBILE', 'QR', 'WINDOW_DEVICE', 'TERMINAL', 'PHONE', 'SMS', 'SYSTEM_DEFAULT')),
    comment                varchar(1000),
    reason_set_version     int,
    item_code              varchar(64)  not null,
    item_name              varchar(200) not null,
    department_code        varchar(32)  not null,
    service_body_code      varchar(32),
    window_code            varchar(32),
    staff_no               varchar(32),
    region_code            varchar(12)  not null,
    submitted_at           timestamp with time zone not null,
    recorded_at            timestamp with time zone not null,
    defaulted              boolean      not null default false,
    valid                  boolean      not null default true,
    evaluator_type         varchar(16),
    evaluator_name         varchar(512),
    evaluator_id_type      varchar(16),
    evaluator_id_number    varchar(512),
    evaluator_id_index     varchar(64),
    evaluator_mobile       varchar(512),
    evaluator_mobile_index varchar(64),
    consent_contact        boolean      not null default false,
    consent_share          boolean      not null default false,
    constraint evaluation_one_per_case unique (case_no)
);
create index evaluation_region_submitted_idx on evaluation_evaluation (region_code, submitted_at);
create index evaluation_department_submitted_idx on evaluation_evaluation (department_code, submitted_at);
create index evaluation_submitted_idx on evaluation_evaluation (submitted_at);

create table evaluation_dimension (
    evaluation_id varchar(36) not null references evaluation_evaluation (id),
    dimension     varchar(16) not null check (dimension in
        ('COMMITMENT', 'ATTITUDE', 'MATERIALS', 'EFFICIENCY', 'TRIPS', 'MECHANISM', 'INTEGRITY')),
    level         varchar(20) not null check (level in
        ('VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED')),
    primary key (evaluation_id, dimension)
);

create table evaluation_reason (
    evaluation_id varchar(36) not null references evaluation_evaluation (id),
    reason_code   varchar(32) not null,
    primary key (evaluation_id, reason_code)
);
