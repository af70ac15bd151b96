-- The portal's record of each person Keycloak knows, and the access log.
-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

create sequence portal_user_seq start with 1 increment by 50;

create table portal_user (
    id                 bigint primary key,
    version            bigint not null,
    username           varchar(64) not null,
    display_name       varchar(200) not null,
    email              varchar(254),
    preferred_language varchar(8),
    created_at         timestamp(6) with time zone not null,
    last_sign_in_at    timestamp(6) with time zone,
    constraint portal_user_username_uk unique (username)
);

create sequence audit_entry_seq start with 1 increment by 50;

create table audit_entry (
    seq            bigint primary key,
    occurred_at    timestamp(6) with time zone not null,
    actor          varchar(64) not null,
    on_behalf_of   varchar(64),
    patient        varchar(64),
    action         varchar(32) not null,
    resource       varchar(255),
    outcome        varchar(16) not null,
    client_address varchar(64) not null,
    user_agent     varchar(512)
);

create index audit_entry_patient_ix on audit_entry (patient, seq);
create index audit_entry_actor_ix on audit_entry (actor, seq);
create index audit_entry_occurred_ix on audit_entry (occurred_at);
