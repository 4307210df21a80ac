-- 综合点评 and 监督查评 (plan 二(四)1): ratings of a service body, department or item without a case, counted
-- apart from case ratings.
create table evaluation_subject_rating (
    id              varchar(36)  primary key,
    channel         varchar(20)  not null check (channel in ('PUBLIC_COMMENT', 'SUPERVISION')),
    subject_type    varchar(16)  not null check (subject_type in ('SERVICE_BODY', 'DEPARTMENT', 'ITEM')),
    subject_code    varchar(64)  not null,
    subject_name    varchar(200) not null,
    region_code     varchar(12)  not null,
    level           varchar(20)  not null check (level in
        ('VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED')),
    comment         varchar(1000),
    author_mobile   varchar(512),
    author_mobile_index varchar(64),
    author_account  varchar(64),
    submitted_at    timestamp with time zone not null
);
create index evaluation_subject_rating_subject_idx on evaluation_subject_rating (subject_type, subject_code, submitted_at);
create index evaluation_subject_rating_region_idx on evaluation_subject_rating (region_code, submitted_at);
