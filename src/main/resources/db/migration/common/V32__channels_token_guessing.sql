-- Invalid rating-link attempts per source address and 10-minute window, so link guessing is slowed down.
create table channels_token_miss (
    source       varchar(64) not null,
    window_start timestamp with time zone not null,
    misses       int         not null,
    primary key (source, window_start)
);
