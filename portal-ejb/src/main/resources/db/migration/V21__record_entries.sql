-- Filing into the medical record. A record entry is an immutable snapshot of a thread (or of chosen
-- messages of it) as a clinician filed it: sealed like a message body (bound to the entry's id),
-- with the SHA-256 of its JSON and the entry's facts signed by the record's Ed25519 key, verified
-- whenever it is read. Nothing is ever updated or deleted (only key rotation re-wraps the data key;
-- on PostgreSQL a trigger enforces it, V21_1): an entry is amended by filing a new version that
-- points at it (previous_id), and at most one version may amend an entry (the unique index).
create sequence record_entry_seq start with 1 increment by 50;
create table record_entry (
    id                     bigint primary key,
    patient                varchar(64) not null,
    thread_id              bigint not null references message_thread (id),
    entry_version          integer not null,
    previous_id            bigint references record_entry (id),
    filed_by               varchar(64) not null,
    filed_at               timestamp(6) with time zone not null,
    message_count          integer not null,
    snapshot_ciphertext    bytea not null,
    snapshot_nonce         bytea not null,
    snapshot_wrapped_key   bytea not null,
    snapshot_key_version   integer not null,
    snapshot_sha256        bytea not null,
    signing_key_id         varchar(64) not null,
    signature              bytea not null,
    constraint record_entry_version_ck check (
        (entry_version = 1 and previous_id is null) or (entry_version > 1 and previous_id is not null))
);
create index record_entry_patient_ix on record_entry (patient, filed_at, id);
create index record_entry_thread_ix on record_entry (thread_id);
create unique index record_entry_previous_ux on record_entry (previous_id);

-- A list shows whether a thread has been filed without a join: when it was first filed.
alter table message_thread add column filed_at timestamp(6) with time zone;
