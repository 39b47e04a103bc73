-- A fund's size: its total committed capital in the fund's currency (scale 2, as money), when staff gave it at
-- registration. NULL for funds registered without one.
ALTER TABLE funds ADD COLUMN fund_size NUMERIC(21, 2) NULL;
ALTER TABLE funds ADD CONSTRAINT funds_fund_size_ck CHECK (fund_size IS NULL OR fund_size > 0);
