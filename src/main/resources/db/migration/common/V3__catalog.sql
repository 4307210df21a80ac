-- 事项·机构·人员: regions, service bodies, departments, windows, staff, items, devices, reason options.
create table catalog_region (
    code        varchar(12)  primary key,
    name        varchar(100) not null,
    level       varchar(16)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code varchar(12)  references catalog_region (code)
);

create table catalog_service_body (
    code        varchar(32)  primary key,
    name        varchar(100) not null,
    region_code varchar(12)  not null references catalog_region (code)
);

create table catalog_department (
    code        varchar(32)  primary key,
    name        varchar(100) not null,
    region_code varchar(12)  not null references catalog_region (code),
    credit_code varchar(18)
);

create table catalog_window (
    code              varchar(32)  primary key,
    name              varchar(100) not null,
    service_body_code varchar(32)  not null references catalog_service_body (code),
    department_code   varchar(32)  references catalog_department (code)
);

create table catalog_staff (
    staff_no        varchar(32) primary key,
    name            varchar(50) not null,
    window_code     varchar(32) references catalog_window (code),
    department_code varchar(32) not null references catalog_department (code)
);

create table catalog_service_item (
    code            varchar(64)  primary key,
    name            varchar(200) not null,
    department_code varchar(32)  not null references catalog_department (code)
);

create table catalog_device (
    code              varchar(32)  primary key,
    kind              varchar(16)  not null check (kind in ('WINDOW_DEVICE', 'TERMINAL')),
    name              varchar(100) not null,
    service_body_code varchar(32)  not null references catalog_service_body (code),
    window_code       varchar(32)  references catalog_window (code),
    key_hash          varchar(64)
);

create table catalog_reason_set (
    version    int          primary key,
    note       varchar(200),
    active     boolean      not null,
    created_at timestamp with time zone not null
);

create table catalog_reason (
    set_version int          not null references catalog_reason_set (version),
    level       varchar(20)  not null check (level in
        ('VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED')),
    code        varchar(32)  not null,
    label       varchar(100) not null,
    sort_order  int          not null,
    primary key (set_version, level, code)
);
