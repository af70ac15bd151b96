-- Retention of the access log: entries older than the retention period are archived, a chain prefix
-- at a time (positions first..last), to a file outside the database, signed with the audit key, and
-- only then removed. The archive record keeps the chain verifiable across the boundary: the entries
-- that remain chain on from last_hash.
create table audit_archive (
    first_position bigint primary key,
    last_position  bigint not null,
    last_hash      bytea not null,
    entries        bigint not null,
    file_name      varchar(255) not null,
    file_sha256    bytea not null,
    signed_at      timestamp(6) with time zone not null,
    key_id         varchar(32) not null,
    signature      bytea not null
);
