-- The hospital's identifier of a patient (medical record number), so that what the portal reports
-- about a patient (the FHIR AuditEvent export) can be matched with the hospital's records.
-- Staff have none. Unique where present.

alter table portal_user add column mrn varchar(32);

create unique index portal_user_mrn_uk on portal_user (mrn);
