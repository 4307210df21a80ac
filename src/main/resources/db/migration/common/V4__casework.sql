-- 办件: service cases reported by business systems. Applicant identity is sealed (SM4) with keyed SM3 indexes.
create table casework_case (
    case_no                varchar(50)  primary key,
    item_code              varchar(64)  not null,
    item_name              varchar(200) not null,
    department_code        varchar(32)  not null,
    service_body_code      varchar(32),
    window_code            varchar(32),
    staff_no               varchar(32),
    staff_name             varchar(50),
    region_code            varchar(12)  not null,
    applicant_type         varchar(16)  check (applicant_type in ('PERSON', 'ORGANIZATION')),
    applicant_name         varchar(512),
    applicant_id_type      varchar(16),
    applicant_id_number    varchar(512),
    applicant_id_index     varchar(64),
    applicant_mobile       varchar(512),
    applicant_mobile_index varchar(64),
    handling_form          varchar(16)  check (handling_form in ('WINDOW', 'PC', 'MOBILE', 'POST', 'OTHER')),
    case_type              varchar(16)  check (case_type in ('IMMEDIATE', 'PROMISED', 'OTHER')),
    status                 varchar(16)  not null check (status in ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED')),
    accepted_at            timestamp with time zone,
    completed_at           timestamp with time zone,
    generated_at           timestamp with time zone,
    reported_by            varchar(64),
    received_at            timestamp with time zone not null,
    updated_at             timestamp with time zone not null
);
create index casework_case_region_completed_idx on casework_case (region_code, completed_at);
create index casework_case_mobile_idx on casework_case (applicant_mobile_index);
create index casework_case_window_idx on casework_case (window_code, completed_at);
