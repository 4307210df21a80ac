-- On PostgreSQL the audit log is append-only for everyone who connects as the application: an update or a
-- delete of an entry is refused by the database itself.
create or replace function identity_audit_log_append_only() returns trigger as $$
begin
    raise exception 'identity_audit_log is append-only';
end;
$$ language plpgsql;

create trigger identity_audit_log_no_update before update or delete on identity_audit_log
    for each row execute function identity_audit_log_append_only();
