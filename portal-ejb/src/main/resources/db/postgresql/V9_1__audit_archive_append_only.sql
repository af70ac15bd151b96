-- PostgreSQL only. Entries may be removed only once a signed archive record covers them (retention);
-- whoever forges such a record to hide a deletion is caught by the verifier, which checks the
-- record's signature with the audit key kept outside the database. Archive records are append-only.

create or replace function audit_entry_refuse_change() returns trigger
language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and old.chain_position is null and new.chain_position is not null
       and old.chain_hash is null and new.chain_hash is not null
       and new.seq = old.seq
       and new.occurred_at = old.occurred_at
       and new.actor = old.actor
       and new.actor_role is not distinct from old.actor_role
       and new.on_behalf_of is not distinct from old.on_behalf_of
       and new.patient is not distinct from old.patient
       and new.action = old.action
       and new.resource is not distinct from old.resource
       and new.outcome = old.outcome
       and new.client_address = old.client_address
       and new.user_agent is not distinct from old.user_agent then
        return new;
    end if;
    if tg_op = 'DELETE' and old.chain_position is not null and exists (
           select 1 from audit_archive a
            where old.chain_position between a.first_position and a.last_position) then
        return old;
    end if;
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create function audit_archive_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_archive is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_archive_no_update_or_delete
    before update or delete on audit_archive
    for each row execute function audit_archive_refuse_change();

create trigger audit_archive_no_truncate
    before truncate on audit_archive
    for each statement execute function audit_archive_refuse_change();
