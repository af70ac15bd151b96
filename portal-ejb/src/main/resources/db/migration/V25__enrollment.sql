-- Enrollment: activation codes that staff issue when they register a patient (or invite a
-- caregiver), and the failed attempts to use one, for the rate limits.
--
-- A code is kept only as its SHA-256 (code_hash): the code itself is shown once to the staff member
-- (to print) or, when it is emailed, kept sealed (sealed_*: envelope encryption, like message
-- bodies) only until the email is sent, the code is used, or it expires. Each code is single-use
-- (used_at, enrolled_username), expires (expires_at) and locks after a number of wrong dates of
-- birth or emails (failed_attempts, locked_at).
create sequence enrollment_code_seq start with 1 increment by 50;
create table enrollment_code (
    id                 bigint       not null primary key,
    version            bigint       not null,
    code_hash          varchar(64)  not null,
    kind               varchar(16)  not null,
    first_name         varchar(100) not null,
    last_name          varchar(100) not null,
    birth_date         date         not null,
    email              varchar(254) not null,
    mrn                varchar(32),
    issued_by          varchar(64)  not null,
    issued_at          timestamp(6) with time zone not null,
    expires_at         timestamp(6) with time zone not null,
    delivery           varchar(16)  not null,
    failed_attempts    integer      not null,
    locked_at          timestamp(6) with time zone,
    used_at            timestamp(6) with time zone,
    enrolled_username  varchar(64),
    ciphertext         bytea,
    nonce              bytea,
    wrapped_key        bytea,
    key_version        integer,
    constraint enrollment_code_hash_uk unique (code_hash)
);
create index enrollment_code_mrn_ix on enrollment_code (mrn);

-- One row per refused attempt (wrong, expired, used or locked code; wrong details): counted per
-- client address and per email (its SHA-256) within a window to rate-limit guessing.
create sequence enrollment_failure_seq start with 1 increment by 50;
create table enrollment_failure (
    id              bigint       not null primary key,
    failed_at       timestamp(6) with time zone not null,
    client_address  varchar(64)  not null,
    email_hash      varchar(64)  not null
);
create index enrollment_failure_address_ix on enrollment_failure (client_address, failed_at);
create index enrollment_failure_email_ix on enrollment_failure (email_hash, failed_at);
