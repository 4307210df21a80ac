-- Completed cases waiting for their rating; due_at is when the 基本满意 default of 第九条 applies.
create table evaluation_expected (
    case_no     varchar(50) primary key,
    region_code varchar(12) not null,
    due_at      timestamp with time zone not null
);
create index evaluation_expected_due_idx on evaluation_expected (due_at);
