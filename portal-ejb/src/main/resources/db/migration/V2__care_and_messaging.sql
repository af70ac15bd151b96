-- Care teams (pools), and secure messaging. Subjects, bodies, attachment names and contents are
-- stored only sealed (AES-256-GCM, per-value data key wrapped by a key-encryption key held outside
-- the database): each sealed value is four columns <name>_ciphertext, _nonce, _wrapped_key,
-- _key_version. Written for PostgreSQL; H2 runs it in PostgreSQL mode.

create sequence care_pool_seq start with 1 increment by 50;

create table care_pool (
    id      bigint primary key,
    code    varchar(64) not null,
    name    varchar(200) not null,
    constraint care_pool_code_uk unique (code)
);

-- Who works a pool's messages: clinicians (who may be written to by name) and staff.
create table care_pool_member (
    pool_id     bigint not null references care_pool (id),
    username    varchar(64) not null,
    member_role varchar(16) not null,
    primary key (pool_id, username)
);
create index care_pool_member_user_ix on care_pool_member (username);

-- The patients a pool cares for: together with the members, a patient's care team.
create table care_pool_patient (
    pool_id bigint not null references care_pool (id),
    patient varchar(64) not null,
    primary key (pool_id, patient)
);
create index care_pool_patient_ix on care_pool_patient (patient);

create sequence message_thread_seq start with 1 increment by 50;

create table message_thread (
    id                      bigint primary key,
    version                 bigint not null,
    patient                 varchar(64) not null,
    category                varchar(16) not null,
    recipient_kind          varchar(8) not null,
    recipient               varchar(64) not null,
    started_by              varchar(64) not null,
    started_at              timestamp(6) with time zone not null,
    last_message_id         bigint,
    last_message_at         timestamp(6) with time zone not null,
    last_message_by         varchar(64) not null,
    message_count           integer not null,
    status                  varchar(8) not null,
    done_by                 varchar(64),
    done_at                 timestamp(6) with time zone,
    subject_ciphertext      bytea not null,
    subject_nonce           bytea not null,
    subject_wrapped_key     bytea not null,
    subject_key_version     integer not null
);
create index message_thread_patient_ix on message_thread (patient, last_message_at);
create index message_thread_recipient_ix on message_thread (recipient_kind, recipient, status, last_message_at);
create index message_thread_subject_key_ix on message_thread (subject_key_version);

create sequence message_seq start with 1 increment by 50;

create table message (
    id                   bigint primary key,
    thread_id            bigint not null references message_thread (id),
    author               varchar(64) not null,
    sent_at              timestamp(6) with time zone not null,
    read_receipt         boolean not null,
    body_ciphertext      bytea not null,
    body_nonce           bytea not null,
    body_wrapped_key     bytea not null,
    body_key_version     integer not null
);
create index message_thread_ix on message (thread_id, id);
create index message_body_key_ix on message (body_key_version);

create sequence attachment_seq start with 1 increment by 50;

create table attachment (
    id                    bigint primary key,
    message_id            bigint not null references message (id),
    content_type          varchar(64) not null,
    size_bytes            bigint not null,
    filename_ciphertext   bytea not null,
    filename_nonce        bytea not null,
    filename_wrapped_key  bytea not null,
    filename_key_version  integer not null
);
create index attachment_message_ix on attachment (message_id);
create index attachment_filename_key_ix on attachment (filename_key_version);

-- The content apart, so that showing a thread never reads it.
create table attachment_content (
    attachment_id        bigint primary key references attachment (id),
    content_ciphertext   bytea not null,
    content_nonce        bytea not null,
    content_wrapped_key  bytea not null,
    content_key_version  integer not null
);
create index attachment_content_key_ix on attachment_content (content_key_version);

-- How far each reader has read a thread (drives "unread").
create table thread_reader (
    thread_id        bigint not null references message_thread (id),
    reader           varchar(64) not null,
    read_through_id  bigint not null,
    read_at          timestamp(6) with time zone not null,
    primary key (thread_id, reader)
);
create index thread_reader_reader_ix on thread_reader (reader);

-- Read receipts: the first open of a message that asked for one, by each reader other than its author.
create table message_receipt (
    message_id  bigint not null references message (id),
    reader      varchar(64) not null,
    thread_id   bigint not null,
    read_at     timestamp(6) with time zone not null,
    primary key (message_id, reader)
);
create index message_receipt_thread_ix on message_receipt (thread_id);

create sequence guidelines_acceptance_seq start with 1 increment by 50;

-- A patient's acceptance of the messaging guidelines: which text (its hash), in which language, when.
create table guidelines_acceptance (
    id           bigint primary key,
    username     varchar(64) not null,
    text_version varchar(64) not null,
    text_sha256  varchar(64) not null,
    language     varchar(8) not null,
    accepted_at  timestamp(6) with time zone not null,
    constraint guidelines_acceptance_uk unique (username, text_sha256)
);
