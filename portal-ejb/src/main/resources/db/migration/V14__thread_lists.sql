-- Lists that stay fast at a million threads: keyset pages of an inbox and of a work queue, and a
-- keyed blind index of subject words for search.
--
-- A page is read in index order from its cursor, (last_message_at, id), so each index ends with
-- both: a patient's inbox reads (patient, last_message_at, id); a work queue reads one range per
-- recipient and status, (recipient_kind, recipient, status, last_message_at, id), and merges them.
-- Both replace the older indexes without the id, which could not continue a page inside a run of
-- equal times without reading the run again.
create index message_thread_patient_page_ix on message_thread (patient, last_message_at, id);
drop index message_thread_patient_ix;
create index message_thread_recipient_page_ix
    on message_thread (recipient_kind, recipient, status, last_message_at, id);
drop index message_thread_recipient_ix;

-- The blind index: one row per distinct word of a thread's subject, the word's token being the
-- first 64 bits of HMAC-SHA256 under the portal's search key (kept outside the database). The
-- primary key leads with the token, so a search's "does thread t hold token w" is one index probe,
-- and "which threads hold w" one range. No foreign key: tokens are written in the thread's own
-- transaction, in whatever order the persistence provider flushes, and threads are never deleted.
create table thread_subject_token (
    token      bigint not null,
    thread_id  bigint not null,
    primary key (token, thread_id)
);
create index thread_subject_token_thread_ix on thread_subject_token (thread_id);

-- Which search key indexed a thread's subject; null until it is indexed (threads written before
-- this migration are indexed after start-up by SubjectIndexBackfill, in batches).
alter table message_thread add column subject_index_version integer;
create index message_thread_subject_index_ix on message_thread (subject_index_version, id);
