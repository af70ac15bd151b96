-- The auditor's console searches by action and by outcome, newest first (keyset paging on seq):
-- without these, a search for a rare action or for refusals reads the whole log backwards.
create index audit_entry_action_ix on audit_entry (action, seq);
create index audit_entry_outcome_ix on audit_entry (outcome, seq);
