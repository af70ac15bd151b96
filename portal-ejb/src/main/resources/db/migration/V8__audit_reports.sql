-- The auditor's reports (AuditReports) read the access log by time range: accesses and refusals
-- per day, and the opens of a range for the unusual-access report. One index serves both: the time
-- first, then action and outcome, so that counting a range's entries per day reads the index alone
-- (an index-only scan on PostgreSQL), and the opens of a range are picked out in the index before
-- any row is read. Written for PostgreSQL; H2 runs it in PostgreSQL mode.
create index audit_entry_at_action_ix on audit_entry (occurred_at, action, outcome);
