-- Proxy access: a patient (or staff, for a minor or a patient who cannot, with a reason) lets a
-- caregiver act for them within scopes (MESSAGING, REQUESTS, BILLING) until an expiry. A grant is
-- never deleted: revoking it records who and when, so the history of who could act stays.
create sequence proxy_grant_seq start with 1 increment by 50;
create table proxy_grant (
    id          bigint primary key,
    version     bigint not null,
    patient     varchar(64) not null,
    proxy       varchar(64) not null,
    scopes      varchar(64) not null,
    expires_at  timestamp(6) with time zone not null,
    created_by  varchar(64) not null,
    created_at  timestamp(6) with time zone not null,
    reason      varchar(500),
    revoked_at  timestamp(6) with time zone,
    revoked_by  varchar(64)
);
-- the grants a caregiver holds, and those a patient gave
create index proxy_grant_proxy_ix on proxy_grant (proxy, patient);
create index proxy_grant_patient_ix on proxy_grant (patient, id);

-- A message a caregiver wrote for a patient names the patient it was written for.
alter table message add column on_behalf_of varchar(64);
