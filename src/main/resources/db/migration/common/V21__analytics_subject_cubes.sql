-- Subject cubes: the rollups without the columns a figure does not need, kept from the daily rows' changes like
-- analytics_cube_* (Rollups.recordRating / recordCase) and recounted by Rollups.rebuild(). Each figure reads the
-- smallest one that holds its filter, grouping and counts (RollupShape): windows and staff from the staff cube,
-- items from the item cube, ratings per channel from the channel cube (no levels); the fine rollup only when a
-- figure needs two of these at once.

create table analytics_channel_cube_daily (
    stat_day          date         not null,
    region_code       varchar(12)  not null,
    department_code   varchar(32)  not null,
    service_body_code varchar(32)  not null,
    channel           varchar(20)  not null,
    ratings           bigint       not null,
    excluded          bigint       not null,
    constraint analytics_channel_cube_daily_pk primary key (stat_day, region_code, department_code,
        service_body_code, channel)
);

insert into analytics_channel_cube_daily (stat_day, region_code, department_code, service_body_code, channel,
    ratings, excluded)
select stat_day, region_code, department_code, service_body_code, channel, sum(ratings), sum(excluded)
from analytics_daily group by stat_day, region_code, department_code, service_body_code, channel;

create table analytics_channel_cube_monthly (
    stat_day          date         not null,
    region_code       varchar(12)  not null,
    department_code   varchar(32)  not null,
    service_body_code varchar(32)  not null,
    channel           varchar(20)  not null,
    ratings           bigint       not null,
    excluded          bigint       not null,
    constraint analytics_channel_cube_monthly_pk primary key (stat_day, region_code, department_code,
        service_body_code, channel)
);

insert into analytics_channel_cube_monthly (stat_day, region_code, department_code, service_body_code, channel,
    ratings, excluded)
select stat_day, region_code, department_code, service_body_code, channel, sum(ratings), sum(excluded)
from analytics_monthly group by stat_day, region_code, department_code, service_body_code, channel;

create table analytics_staff_cube_daily (
    stat_day          date         not null,
    region_code       varchar(12)  not null,
    department_code   varchar(32)  not null,
    service_body_code varchar(32)  not null,
    window_code       varchar(32)  not null,
    staff_no          varchar(32)  not null,
    level             varchar(20)  not null,
    defaulted         boolean      not null,
    ratings           bigint       not null,
    excluded          bigint       not null,
    constraint analytics_staff_cube_daily_pk primary key (stat_day, region_code, department_code,
        service_body_code, window_code, staff_no, level, defaulted)
);

insert into analytics_staff_cube_daily (stat_day, region_code, department_code, service_body_code, window_code,
    staff_no, level, defaulted, ratings, excluded)
select stat_day, region_code, department_code, service_body_code, window_code, staff_no, level, defaulted,
    sum(ratings), sum(excluded)
from analytics_daily group by stat_day, region_code, department_code, service_body_code, window_code, staff_no,
    level, defaulted;

create table analytics_case_staff_cube_daily (
    stat_day          date         not null,
    region_code       varchar(12)  not null,
    department_code   varchar(32)  not null,
    service_body_code varchar(32)  not null,
    window_code       varchar(32)  not null,
    staff_no          varchar(32)  not null,
    cases             bigint       not null,
    person_rated      bigint       not null,
    constraint analytics_case_staff_cube_daily_pk primary key (stat_day, region_code, department_code,
        service_body_code, window_code, staff_no)
);

insert into analytics_case_staff_cube_daily (stat_day, region_code, department_code, service_body_code,
    window_code, staff_no, cases, person_rated)
select stat_day, region_code, department_code, service_body_code, window_code, staff_no, sum(cases), sum(person_rated)
from analytics_case_daily group by stat_day, region_code, department_code, service_body_code, window_code, staff_no;

create table analytics_staff_cube_monthly (
    stat_day          date         not null,
    region_code       varchar(12)  not null,
    department_code   varchar(32)  not null,
    service_body_code varchar(32)  not null,
    window_code       varchar(32)  not null,
    staff_no          varchar(32)  not null,
    level             varchar(20)  not null,
    defaulted         boolean      not null,
    ratings           bigint       not null,
    excluded          bigint       not null,
    constraint analytics_staff_cube_monthly_pk primary key (stat_day, region_code, department_code,
        service_body_code, window_code, staff_no, level, defaulted)
);

insert into analytics_staff_cube_monthly (stat_day, region_code, department_code, service_body_code, window_code,
    staff_no, level, defaulted, ratings, excluded)
select stat_day, region_code, department_code, service_body_code, window_code, staff_no, level, defaulted,
    sum(ratings), sum(excluded)
from analytics_monthly group by stat_day, region_code, department_code, service_body_code, window_code, staff_no,
    level, defaulted;

create table analytics_case_staff_cube_monthly (
    stat_day          date         not null,
    region_code       varchar(12)  not null,
    department_code   varchar(32)  not null,
    service_body_code varchar(32)  not null,
    window_code       varchar(32)  not null,
    staff_no          varchar(32)  not null,
    cases             bigint       not null,
    person_rated      bigint       not null,
    constraint analytics_case_staff_cube_monthly_pk primary key (stat_day, region_code, department_code,
        service_body_code, window_code, staff_no)
);

insert into analytics_case_staff_cube_monthly (stat_day, region_code, department_code, service_body_code,
    window_code, staff_no, cases, person_rated)
select stat_day, region_code, department_code, service_body_code, window_code, staff_no, sum(cases), sum(person_rated)
from analytics_case_monthly group by stat_day, region_code, department_code, service_body_code, window_code, staff_no;

create table analytics_item_cube_daily (
    stat_day          date         not null,
    region_code       varchar(12)  not null,
    department_code   varchar(32)  not null,
    service_body_code varchar(32)  not null,
    item_code         varchar(64)  not null,
    level             varchar(20)  not null,
    defaulted         boolean      not null,
    ratings           bigint       not null,
    excluded          bigint       not null,
    constraint analytics_item_cube_daily_pk primary key (stat_day, region_code, department_code,
        service_body_code, item_code, level, defaulted)
);

insert into analytics_item_cube_daily (stat_day, region_code, department_code, service_body_code, item_code,
    level, defaulted, ratings, excluded)
select stat_day, region_code, department_code, service_body_code, item_code, level, defaulted, sum(ratings),
    sum(excluded)
from analytics_daily group by stat_day, region_code, department_code, service_body_code, item_code, level, defaulted;

create table analytics_case_item_cube_daily (
    stat_day          date         not null,
    region_code       varchar(12)  not null,
    department_code   varchar(32)  not null,
    service_body_code varchar(32)  not null,
    item_code         varchar(64)  not null,
    cases             bigint       not null,
    person_rated      bigint       not null,
    constraint analytics_case_item_cube_daily_pk primary key (stat_day, region_code, department_code,
        service_body_code, item_code)
);

insert into analytics_case_item_cube_daily (stat_day, region_code, department_code, service_body_code, item_code,
    cases, person_rated)
select stat_day, region_code, department_code, service_body_code, item_code, sum(cases), sum(person_rated)
from analytics_case_daily group by stat_day, region_code, department_code, service_body_code, item_code;

create table analytics_item_cube_monthly (
    stat_day          date         not null,
    region_code       varchar(12)  not null,
    department_code   varchar(32)  not null,
    service_body_code varchar(32)  not null,
    item_code         varchar(64)  not null,
    level             varchar(20)  not null,
    defaulted         boolean      not null,
    ratings           bigint       not null,
    excluded          bigint       not null,
    constraint analytics_item_cube_monthly_pk primary key (stat_day, region_code, department_code,
        service_body_code, item_code, level, defaulted)
);

insert into analytics_item_cube_monthly (stat_day, region_code, department_code, service_body_code, item_code,
    level, defaulted, ratings, excluded)
select stat_day, region_code, department_code, service_body_code, item_code, level, defaulted, sum(ratings),
    sum(excluded)
from analytics_monthly group by stat_day, region_code, department_code, service_body_code, item_code, level,
    defaulted;

create table analytics_case_item_cube_monthly (
    stat_day          date         not null,
    region_code       varchar(12)  not null,
    department_code   varchar(32)  not null,
    service_body_code varchar(32)  not null,
    item_code         varchar(64)  not null,
    cases             bigint       not null,
    person_rated      bigint       not null,
    constraint analytics_case_item_cube_monthly_pk primary key (stat_day, region_code, department_code,
        service_body_code, item_code)
);

insert into analytics_case_item_cube_monthly (stat_day, region_code, department_code, service_body_code,
    item_code, cases, person_rated)
select stat_day, region_code, department_code, service_body_code, item_code, sum(cases), sum(person_rated)
from analytics_case_monthly group by stat_day, region_code, department_code, service_body_code, item_code;
