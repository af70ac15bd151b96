-- PostgreSQL only. The access log stays append-only, with one exception: the sealer sets an entry's
-- chain position and hash once (from nothing to a value), changing nothing else. Any other UPDATE,
-- and every DELETE or TRUNCATE, is still refused. Signed checkpoints are append-only too.

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
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

-- what the sealer looks for: entries not chained yet
create index audit_entry_unsealed_ix on audit_entry (seq) where chain_position is null;

create function audit_checkpoint_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_checkpoint is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_checkpoint_no_update_or_delete
    before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_refuse_change();

create trigger audit_checkpoint_no_truncate
    before truncate on audit_checkpoint
    for each statement execute function audit_checkpoint_refuse_change();
