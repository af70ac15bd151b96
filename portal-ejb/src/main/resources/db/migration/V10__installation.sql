-- Which installation this database is: one row, written at the portal's first start on it
-- (platform.control.Installation). The files that belong to one database and not to another (the
-- signed checkpoints, the archives, the demo's key stores) are kept under <data>/portal/<id>/, and
-- each line of the checkpoint file names the installation, so that a file of one database is never
-- read as the record of another.
create table installation (
    singleton  char(1) default 'X' not null primary key check (singleton = 'X'),
    id         uuid not null,
    created_at timestamp(6) with time zone not null
);
