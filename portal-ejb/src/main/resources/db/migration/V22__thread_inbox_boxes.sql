-- The inbox people expect: a Sent view and an Archived view, both per reader.
--
-- Both are facts about one reader and one thread, like how far they have read it, so they live on
-- the reader's row of thread_reader (the clinical thread is not changed):
-- * last_sent_id, last_sent_at: the reader's latest message in the thread. The Sent view is one
--   index range of (reader, last_sent_at, thread_id), read by keyset like the other lists.
-- * archived_through_id: the reader archived the thread when its latest message was this one. The
--   thread is archived for them while nothing newer has come (a new message brings it back to the
--   inbox, so a reply is never missed); unarchiving clears it. Null: not archived.
alter table thread_reader add column last_sent_id bigint;
alter table thread_reader add column last_sent_at timestamp(6) with time zone;
alter table thread_reader add column archived_through_id bigint;
create index thread_reader_sent_ix on thread_reader (reader, last_sent_at, thread_id);

-- Every author's reader row exists (sending marks the thread read through the new message): what
-- each has sent so far, from the messages (message_thread_ix reads each thread's messages).
update thread_reader set last_sent_id =
    (select max(m.id) from message m
      where m.thread_id = thread_reader.thread_id and m.author = thread_reader.reader);
update thread_reader set last_sent_at =
    (select m.sent_at from message m where m.id = thread_reader.last_sent_id)
  where last_sent_id is not null;
