-- Email delivery in steps instead of one XA transaction with the queue (mail.boundary.MailDelivery):
-- a key is first claimed as SENDING (its own short transaction), then the email goes to the SMTP
-- server outside any transaction, then the key is marked SENT. A key left SENDING by a crash
-- between the two is sent again once its claim is old (at least once: see MailDelivery).
-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

-- the rows before this version were written in the transaction that sent: they are all SENT
alter table email_delivery add column state varchar(8) default 'SENT' not null;
alter table email_delivery add constraint email_delivery_state_ck check (state in ('SENDING', 'SENT'));

-- which attempt holds a SENDING claim (a random id): only that attempt may release it
alter table email_delivery add column attempt varchar(36);

-- delivered_at is now the time of the claim while SENDING, the time the SMTP server took the email
-- once SENT
