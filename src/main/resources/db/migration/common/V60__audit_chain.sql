-- The audit log becomes hash-chained (SM3), one chain per partition (the actor's region), so a changed or
-- deleted entry is detectable; the head of each chain is kept beside it.
alter table identity_audit_log add column partition_key varchar(16) not null default 'GLOBAL';
alter table identity_audit_log add column seq bigint not null default 0;
alter table identity_audit_log add column prev_hash varchar(64) not null default '';
alter table identity_audit_log add column hash varchar(64) not null default '';

create table identity_audit_head (
    partition_key varchar(16) primary key,
    seq           bigint      not null,
    hash          varchar(64) not null
);
