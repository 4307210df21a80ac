-- 评价渠道: one-time invitation tokens. The token string is never stored, only its id (its signature needs the key).
create table channels_invitation (
    token_id   varchar(32) primary key,
    case_no    varchar(50) not null,
    channel    varchar(20) not null check (channel in ('PC', 'MOBILE', 'QR', 'WINDOW_DEVICE', 'TERMINAL', 'SMS')),
    issued_at  timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    revoked_at timestamp with time zone,
    revoked_because varchar(16) check (revoked_because in ('REPLACED', 'RATED'))
);
create index channels_invitation_case_idx on channels_invitation (case_no);
