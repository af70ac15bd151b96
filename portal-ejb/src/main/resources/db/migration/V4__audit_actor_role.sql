-- The role the actor acted in (a patient's access report says "who, when, in what role").
-- Entries written before this column existed have none.
alter table audit_entry add column actor_role varchar(16);
create index audit_entry_patient_at_ix on audit_entry (patient, occurred_at);
