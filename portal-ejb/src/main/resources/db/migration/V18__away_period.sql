-- A clinician's away periods (vacation, illness, other) and the colleague covering for them: while
-- one runs, new messages addressed to the clinician go to the cover, and the cover works the
-- clinician's open threads. Dates are whole days in the hospital's time zone, both inclusive.
--
-- The routing of a new message asks "is this clinician away today" (clinician, ends_on); a cover's
-- work queue asks "whom do I cover today" (cover, ends_on).
create sequence away_period_seq start with 1 increment by 50;

create table away_period (
    id          bigint primary key,
    clinician   varchar(64) not null,
    cover       varchar(64) not null,
    kind        varchar(16) not null,
    starts_on   date not null,
    ends_on     date not null,
    created_at  timestamp(6) with time zone not null,
    constraint away_period_order_ck check (ends_on >= starts_on),
    constraint away_period_cover_ck check (cover <> clinician)
);
create index away_period_clinician_ix on away_period (clinician, ends_on);
create index away_period_cover_ix on away_period (cover, ends_on);
