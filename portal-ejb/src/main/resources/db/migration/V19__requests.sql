-- Requests: a routine appointment, a prescription renewal or a referral authorization, asked for
-- through a structured form. Each request is a thread of its category routed to one of the
-- patient's care teams, with a status the patient sees change.
--
-- What a list shows of a request lives on its thread, so that thread lists need no join: the
-- request's status (null for a thread that is no request).
alter table message_thread add column request_status varchar(16);

-- The request itself: whose it is, which team it went to, its type and status, and its fields.
-- The fields (preferred days, medication, insurer, ...) may hold health information, so they are
-- sealed together like a message body, bound to the request's id; the database never holds them
-- readable. The thread's first message states them for the people who read the thread.
create sequence care_request_seq start with 1 increment by 50;
create table care_request (
    id                    bigint primary key,
    version               bigint not null,
    thread_id             bigint not null unique references message_thread (id),
    patient               varchar(64) not null,
    pool_code             varchar(64) not null,
    request_type          varchar(24) not null,
    status                varchar(16) not null,
    created_by            varchar(64) not null,
    created_at            timestamp(6) with time zone not null,
    updated_at            timestamp(6) with time zone not null,
    details_ciphertext    bytea not null,
    details_nonce         bytea not null,
    details_wrapped_key   bytea not null,
    details_key_version   integer not null
);
-- a patient's own requests, and a team's, newest first
create index care_request_patient_ix on care_request (patient, id);
create index care_request_pool_ix on care_request (pool_code, id);
