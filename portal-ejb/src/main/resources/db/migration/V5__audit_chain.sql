-- Tamper evidence for the access log: a SHA-256 hash chain over the entries, in the order the sealer
-- (audit.boundary.AuditChain) appends them, and Ed25519-signed checkpoints of the chain's head.
-- An entry is written (in the access's transaction) with no chain position; the sealer gives it the
-- next position and its hash once, shortly after it committed. On PostgreSQL that one update is the
-- only change the append-only trigger lets through (V5_1).
alter table audit_entry add column chain_position bigint;
alter table audit_entry add column chain_hash bytea;
create unique index audit_entry_chain_ix on audit_entry (chain_position);

-- The head of the chain: the last position given and its hash (none before the first entry). The
-- sealer locks this row, so that two nodes never append at once.
create table audit_chain_head (
    id             integer primary key,
    chain_position bigint not null,
    head_hash      bytea,
    sealed_at      timestamp(6) with time zone
);
insert into audit_chain_head (id, chain_position) values (1, 0);

-- Signed checkpoints: the head (position and hash) at a time, signed with the portal's Ed25519 audit
-- key, which lives outside the database. The same lines are appended to a file outside the database.
create table audit_checkpoint (
    chain_position bigint primary key,
    head_hash      bytea not null,
    signed_at      timestamp(6) with time zone not null,
    key_id         varchar(32) not null,
    signature      bytea not null
);
