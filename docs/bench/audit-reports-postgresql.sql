-- The auditor reports' queries (AuditReports) on 3,000,000 generated access-log entries over 90 days
-- (about 33,000 a day), 50 pools of 20 clinicians and 400 patients. Run in a scratch database:
--   psql -h 127.0.0.1 -U postgres -d postgres -c 'create database reports_scratch'
--   psql -h 127.0.0.1 -U postgres -d reports_scratch -f docs/bench/audit-reports-postgresql.sql

\timing off
create table audit_entry (
    seq bigint primary key, occurred_at timestamp(6) with time zone not null, actor varchar(64) not null,
    on_behalf_of varchar(64), patient varchar(64), action varchar(32) not null, resource varchar(255),
    outcome varchar(16) not null, client_address varchar(64) not null, user_agent varchar(512), actor_role varchar(16));
create index audit_entry_patient_ix on audit_entry (patient, seq);
create index audit_entry_actor_ix on audit_entry (actor, seq);
create index audit_entry_occurred_ix on audit_entry (occurred_at);
create index audit_entry_patient_at_ix on audit_entry (patient, occurred_at);
create index audit_entry_at_action_ix on audit_entry (occurred_at, action, outcome);
create table care_pool (id bigint primary key, code varchar(64), name varchar(200));
create table care_pool_member (pool_id bigint not null, username varchar(64) not null, member_role varchar(16) not null, primary key (pool_id, username));
create index care_pool_member_user_ix on care_pool_member (username);
create table care_pool_patient (pool_id bigint not null, patient varchar(64) not null, primary key (pool_id, patient));
create index care_pool_patient_ix on care_pool_patient (patient);
-- 50 pools, 20 clinicians each, 400 patients each
insert into care_pool select g, 'p'||g, 'Pool '||g from generate_series(1,50) g;
insert into care_pool_member select p, 'clin'||p||'_'||c, 'CLINICIAN' from generate_series(1,50) p, generate_series(1,20) c;
insert into care_pool_patient select p, 'pat'||((p-1)*400+i) from generate_series(1,50) p, generate_series(1,400) i;
-- 3M entries over 90 days (~33k a day), 80% opens, mostly by the patient's own care team
insert into audit_entry (seq, occurred_at, actor, patient, action, outcome, client_address, actor_role)
select g, timestamptz '2026-01-01 00:00:00+00' + (g * interval '2.592 seconds'),
       case when g % 997 = 0 then 'clin'||(1 + (g/20000) % 50)||'_1' else 'clin'||(1 + ((g % 20000)/400))||'_'||(1 + g % 20) end,
       'pat'||(1 + g % 20000),
       case when g % 50 = 0 then 'ACCESS_DENIED' when g % 5 = 0 then 'SIGN_IN' when g % 7 = 0 then 'ATTACHMENT_DOWNLOADED' else 'MESSAGE_OPENED' end,
       case when g % 50 = 0 then 'DENIED' else 'SUCCESS' end, '10.0.0.1', 'clinician'
from generate_series(1, 3000000) g;
vacuum analyze audit_entry; analyze care_pool_member; analyze care_pool_patient;
select count(*), min(occurred_at), max(occurred_at) from audit_entry;
\timing on
\echo activity 30 days
explain (analyze, buffers, summary) select cast(occurred_at at time zone 'UTC' as date), sum(case when action in ('MESSAGE_OPENED', 'ATTACHMENT_DOWNLOADED') and outcome = 'SUCCESS' then 1 else 0 end), sum(case when outcome = 'DENIED' or action = 'ACCESS_DENIED' then 1 else 0 end) from audit_entry where occurred_at >= '2026-02-01T00:00:00Z' and occurred_at < '2026-03-03T00:00:00Z' group by cast(occurred_at at time zone 'UTC' as date);
\echo bursts 7 days
explain (analyze, summary) select actor, extract(epoch from prior_at), extract(epoch from occurred_at) from (select actor, occurred_at, lag(occurred_at, 50) over (partition by actor order by occurred_at, seq) as prior_at from audit_entry where occurred_at >= '2026-02-01T00:00:00Z' and occurred_at < '2026-02-08T00:00:00Z' and action in ('MESSAGE_OPENED', 'ATTACHMENT_DOWNLOADED') and outcome = 'SUCCESS') w where prior_at is not null and extract(epoch from occurred_at) - extract(epoch from prior_at) < 600 order by actor, occurred_at limit 5001;
\echo outside care teams 7 days
explain (analyze, summary) select e.seq from audit_entry e where e.occurred_at >= '2026-02-01T00:00:00Z' and e.occurred_at < '2026-02-08T00:00:00Z' and e.action in ('MESSAGE_OPENED', 'ATTACHMENT_DOWNLOADED') and e.outcome = 'SUCCESS' and e.patient is not null and e.actor <> e.patient and not exists (select p.id from care_pool p join care_pool_member m on m.pool_id = p.id join care_pool_patient c on c.pool_id = p.id where m.username = e.actor and c.patient = e.patient) order by e.actor, e.patient, e.occurred_at, e.seq limit 5001;
