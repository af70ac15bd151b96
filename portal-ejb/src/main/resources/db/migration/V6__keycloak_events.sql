-- Keycloak's sign-in events (login, logout, failed login) are imported into audit_entry
-- (audit/boundary/KeycloakEventImport). Written for PostgreSQL; H2 runs it in PostgreSQL mode.

-- How far the import has come, per realm: the time of the newest event imported (Keycloak's clock).
-- Each page of events is recorded in one transaction that also moves this row, under a row lock,
-- so nodes importing at once take turns. Which events are in the log is decided by their ids (kept
-- in audit_entry.resource); this time only says where the next import starts looking.
create table keycloak_event_cursor (
    realm       varchar(64) primary key,
    imported_to timestamp(6) with time zone not null,
    imported_at timestamp(6) with time zone not null
);

-- The username last seen with each Keycloak user id, learned from events that carry both
-- (logins, failed logins of known users), for events that name only the id (logouts).
create table keycloak_user_name (
    user_id  varchar(64) primary key,
    username varchar(64) not null
);
