-- A push answered with the one-rating rule's 409 ends as a conflict (第六条), neither sent nor a dead letter.
alter table exchange_push_job drop constraint exchange_push_job_status_check;
alter table exchange_push_job add constraint exchange_push_job_status_check
    check (status in ('PENDING', 'SENT', 'DEAD', 'CONFLICT'));
