-- H2 has no procedural triggers without Java classes; tampering there is caught by the hash chain alone.
select 1;
