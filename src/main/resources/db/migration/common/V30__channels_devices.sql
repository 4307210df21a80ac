-- 评价渠道: window rating tablets (评价器) and self-service terminals (第八条).
-- The device that an invitation was issued for (a terminal's number is shown on the rating page).
alter table channels_invitation add column device_code varchar(32);

-- Long-lived device sessions of window tablets, set up once with the device key; only a hash of the cookie is kept.
create table channels_device_session (
    session_hash varchar(64) primary key,
    device_code  varchar(32) not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone
);
create index channels_device_session_device_idx on channels_device_session (device_code);

-- Cases presented on a window tablet; any instance serves the tablet from here.
create table channels_presentation (
    id           varchar(36) primary key,
    device_code  varchar(32) not null,
    window_code  varchar(32) not null,
    case_no      varchar(50) not null,
    presented_by varchar(64) not null,
    presented_at timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    ended_at     timestamp with time zone,
    ended_because varchar(16) check (ended_because in ('RATED', 'REPLACED'))
);
create index channels_presentation_device_idx on channels_presentation (device_code, presented_at);
