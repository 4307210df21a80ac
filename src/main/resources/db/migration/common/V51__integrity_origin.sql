-- Where a rating came from, for the address-burst and device-speed signals: the keyed SM3 index of the submitting
-- client's network address (never the address) and the terminal or window tablet the rating was given on.
alter table integrity_rating add column address_key varchar(64);
alter table integrity_rating add column device_code varchar(64);
create index integrity_rating_address_idx on integrity_rating (address_key, submitted_at);
create index integrity_rating_device_idx on integrity_rating (device_code, submitted_at);
