-- PostgreSQL only: the medical record is append-only. A DELETE or TRUNCATE of record_entry is
-- refused by the database itself, whoever asks; an UPDATE only when it changes nothing but the
-- snapshot's wrapped data key and its key version (key rotation re-wraps; the ciphertext, the
-- signature and every fact stay). An entry is amended by filing a new version that points at it.
create function record_entry_refuse_change() returns trigger
language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
      if new.id = old.id
       and new.patient = old.patient
       and new.thread_id = old.thread_id
       and new.entry_version = old.entry_version
       and new.previous_id is not distinct from old.previous_id
       and new.filed_by = old.filed_by
       and new.filed_at = old.filed_at
       and new.message_count = old.message_count
       and new.snapshot_ciphertext = old.snapshot_ciphertext
       and new.snapshot_nonce = old.snapshot_nonce
       and new.snapshot_sha256 = old.snapshot_sha256
       and new.signing_key_id = old.signing_key_id
       and new.signature = old.signature then
        return new;
      end if;
    end if;
    raise exception 'record_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger record_entry_no_update_or_delete
    before update or delete on record_entry
    for each row execute function record_entry_refuse_change();

create trigger record_entry_no_truncate
    before truncate on record_entry
    for each statement execute function record_entry_refuse_change();
