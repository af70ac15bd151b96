-- Turnaround you can see: who handles a thread and by when, escalations to the team's lead, and
-- quick-reply templates.
--
-- The list path reads threads by index ranges and must not join per row, so what a list shows of
-- the turnaround lives on the thread itself: the assignee (with the role they hold on the team, at
-- the time they took it), the due time of the patient's waiting message and its halfway point,
-- and how far it has been escalated (0 none, 1 unclaimed past half its time, 2 overdue). A thread
-- that is not waiting for the care team has no due time.
alter table message_thread add column assignee varchar(64);
alter table message_thread add column assignee_role varchar(16);
alter table message_thread add column due_by timestamp(6) with time zone;
alter table message_thread add column escalate_at timestamp(6) with time zone;
alter table message_thread add column escalation_level integer default 0 not null;

-- The assignee's own threads are one more range of a work queue (a colleague may be given a thread
-- addressed to a clinician by name), read like the others: (assignee, status, last activity, id).
create index message_thread_assignee_page_ix
    on message_thread (assignee, status, last_message_at, id);
-- The escalation timer's two questions: open threads past their halfway point, and past due.
create index message_thread_escalate_ix on message_thread (status, escalate_at);
create index message_thread_due_ix on message_thread (status, due_by);

-- A thread's history beside its messages: claimed, released, assigned, escalated. Names only (who
-- did it, to whom), never content: the patient sees it too.
create sequence thread_event_seq start with 1 increment by 50;
create table thread_event (
    id            bigint primary key,
    thread_id     bigint not null references message_thread (id),
    happened_at   timestamp(6) with time zone not null,
    kind          varchar(16) not null,
    actor         varchar(64) not null,
    target        varchar(64)
);
create index thread_event_thread_ix on thread_event (thread_id, id);

-- Quick-reply templates: a clinician's or staff member's own, or (with a pool) their team's. The
-- title and text may hold health information, so both are sealed like message bodies, each bound
-- to the template's id.
create sequence reply_template_seq start with 1 increment by 50;
create table reply_template (
    id                   bigint primary key,
    owner                varchar(64) not null,
    pool_code            varchar(64),
    created_at           timestamp(6) with time zone not null,
    title_ciphertext     bytea not null,
    title_nonce          bytea not null,
    title_wrapped_key    bytea not null,
    title_key_version    integer not null,
    text_ciphertext      bytea not null,
    text_nonce           bytea not null,
    text_wrapped_key     bytea not null,
    text_key_version     integer not null
);
create index reply_template_owner_ix on reply_template (owner);
create index reply_template_pool_ix on reply_template (pool_code);
