-- The emails handed to the SMTP server, by the idempotency key of the queue item that asked for
-- each: a redelivered item whose key is here is not sent again.
-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

create table email_delivery (
    idempotency_key varchar(200) primary key,
    recipient       varchar(254) not null,
    template        varchar(32) not null,
    delivered_at    timestamp(6) with time zone not null
);

-- old records can be pruned by date
create index email_delivery_delivered_ix on email_delivery (delivered_at);
