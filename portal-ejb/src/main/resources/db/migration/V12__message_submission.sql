-- One row per form (or API request with an Idempotency-Key) that sent a message: a second
-- submission of the same form by the same author (Back and Send again, a double click, a client's
-- retry) gets the first one's result instead of sending the message twice. The ids are allocated
-- before the row is written, so a first send costs one insert and a repeat one select.
create table message_submission (
    author      varchar(64) not null,
    token       varchar(64) not null,
    thread_id   bigint not null,
    message_id  bigint not null,
    created_at  timestamp(6) with time zone not null,
    primary key (author, token)
);
