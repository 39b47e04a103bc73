-- The official calendar (issue 20): each year staff set (HolidaysSet) with the journal index and time of its latest
-- setting, and its days: holidays (no business day) and make-up working days (调休: weekend days that are business
-- days). A year's new calendar replaces its days. A year absent here has no calendar: rules version 4 refuses to count
-- its business days.

CREATE TABLE calendar_years (
    year         INTEGER     NOT NULL,
    set_index    BIGINT      NOT NULL,
    set_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT calendar_years_pk PRIMARY KEY (year),
    CONSTRAINT calendar_years_set_index_ck CHECK (set_index > 0)
);

CREATE TABLE calendar_days (
    day          DATE        NOT NULL,
    year         INTEGER     NOT NULL,
    kind         VARCHAR(8)  NOT NULL,
    CONSTRAINT calendar_days_pk PRIMARY KEY (day),
    CONSTRAINT calendar_days_year_fk FOREIGN KEY (year) REFERENCES calendar_years (year),
    CONSTRAINT calendar_days_kind_ck CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);

CREATE INDEX calendar_days_year_ix ON calendar_days (year, day);
