-- The receiving side of reconciliation: what each sender says it sent on a day, per kind, as it last said it (the
-- sender's reconciliation job posts its counts to /api/v1/exchange/daily-counts). Compared with what arrived here.
create table exchange_sender_claim (
    client_id   varchar(64)  not null,
    claimed_on  date         not null,
    kind        varchar(16)  not null check (kind in ('CASE', 'RATING', 'RECTIFICATION')),
    claimed     int          not null,
    received    int          not null,
    claimed_at  timestamp with time zone not null,
    primary key (client_id, claimed_on, kind)
);
create index exchange_sender_claim_day_idx on exchange_sender_claim (claimed_on);
