-- Sensitive topics and consent (issue 11, part 2).
--
-- A patient records, per topic (HIV, SUBSTANCE_USE, STD, SEXUAL_ASSAULT, ABORTION,
-- DOMESTIC_VIOLENCE, PSYCHOTHERAPY), whether the care team may reference it in messages. Every change
-- is a row, never updated: the current agreements are each topic's latest row (none: not agreed), so
-- the history and the state cannot disagree. request_id names the consent request a change answered.
create sequence topic_consent_change_seq start with 1 increment by 50;
create table topic_consent_change (
    id           bigint primary key,
    patient      varchar(64) not null,
    topic        varchar(24) not null,
    agreed       boolean not null,
    changed_at   timestamp(6) with time zone not null,
    changed_by   varchar(64) not null,
    request_id   bigint
);
create index topic_consent_change_patient_ix on topic_consent_change (patient, id);

-- A message's topic flags are health information: sealed like its body, bound to the message's id.
-- Only flagged messages have a row.
create table message_topics (
    message_id          bigint primary key references message (id),
    thread_id           bigint not null references message_thread (id),
    topics_ciphertext   bytea not null,
    topics_nonce        bytea not null,
    topics_wrapped_key  bytea not null,
    topics_key_version  integer not null
);

-- Whether any message of the thread is flagged (which topics is sealed above): lists and access
-- checks hide flagged threads from pool staff without opening a seal.
alter table message_thread add column flagged boolean default false not null;

-- A clinician asks the patient to agree to topics, in a thread (the request's message is in it);
-- the patient answers each topic in the portal. The topics asked for are sealed like flags.
create sequence consent_request_seq start with 1 increment by 50;
create table consent_request (
    id                  bigint primary key,
    version             bigint not null,
    thread_id           bigint not null references message_thread (id),
    message_id          bigint not null references message (id),
    patient             varchar(64) not null,
    requested_by        varchar(64) not null,
    requested_at        timestamp(6) with time zone not null,
    answered_at         timestamp(6) with time zone,
    topics_ciphertext   bytea not null,
    topics_nonce        bytea not null,
    topics_wrapped_key  bytea not null,
    topics_key_version  integer not null
);
create index consent_request_patient_ix on consent_request (patient, id);
create index consent_request_thread_ix on consent_request (thread_id, id);
