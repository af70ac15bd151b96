-- A care team's lead: the member (clinician or staff) to whom unclaimed and overdue messages are
-- escalated. Null until an admin names one; a lead must be a member of the pool.
alter table care_pool add column lead_username varchar(64);
