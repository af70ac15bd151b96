-- PostgreSQL only: the access log is append-only. Any UPDATE, DELETE or TRUNCATE of audit_entry is
-- refused by the database itself, whoever asks (the application, a console, a script). In
-- production the application's role should also lack those privileges:
--   revoke update, delete, truncate on audit_entry from <application role>;
-- Retention (archiving old entries) will need a dedicated, audited path around this.

create function audit_entry_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
