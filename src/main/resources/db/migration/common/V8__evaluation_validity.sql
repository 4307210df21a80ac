-- Validity is decided by recorded facts, never by editing or deleting a rating: each invalidation is a row here
-- (malicious per 第九条, appeal upheld, fraud confirmed); valid/quarantined on the rating are derived flags.
create table evaluation_invalidation (
    evaluation_id varchar(36)   primary key references evaluation_evaluation (id),
    reason        varchar(24)   not null check (reason in ('MALICIOUS', 'APPEAL_UPHELD', 'FRAUD_CONFIRMED')),
    note          varchar(1000),
    decided_by    varchar(64)   not null,
    decided_at    timestamp with time zone not null
);

alter table evaluation_evaluation add column quarantined boolean not null default false;
