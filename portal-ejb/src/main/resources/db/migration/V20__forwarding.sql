-- Forwarding inside the care community: a clinician or staff member forwards a thread to another
-- clinician of the portal, or to a pool, with a note. Only portal recipients exist here (a kind and
-- a username or pool code), never an outside address. The recipient then reads the thread: a
-- forward is one more way onto its care team's side. The note may hold health information, so it
-- is sealed like a message body, bound to the forward's id. The thread's history (thread_event,
-- kind FORWARDED, target the recipient's address) shows it to the patient too.
create sequence thread_forward_seq start with 1 increment by 50;
create table thread_forward (
    id                 bigint primary key,
    thread_id          bigint not null references message_thread (id),
    forwarded_at       timestamp(6) with time zone not null,
    forwarded_by       varchar(64) not null,
    recipient_kind     varchar(8) not null,
    recipient          varchar(64) not null,
    note_ciphertext    bytea not null,
    note_nonce         bytea not null,
    note_wrapped_key   bytea not null,
    note_key_version   integer not null
);
-- who a thread was forwarded to (access checks, the thread's JSON)
create index thread_forward_thread_ix on thread_forward (thread_id, id);
-- the threads forwarded to a recipient (one more range of a work queue)
create index thread_forward_recipient_ix on thread_forward (recipient_kind, recipient, thread_id);
