-- Dutch (descending-price) auctions: the clock's step length, and the units sold so far (each acceptance buys part
-- of the lot; the listing stays OPEN until its units are sold or its window ends).

ALTER TABLE listings ADD COLUMN step_ms BIGINT NULL;                          -- DUTCH only: the clock falls every step_ms
ALTER TABLE listings ADD COLUMN units_sold NUMERIC(21, 2) NOT NULL DEFAULT 0;
-- [jooq ignore start]
UPDATE listings SET units_sold = units WHERE status = 'EXECUTED'; -- every listing traded before sold its whole lot
-- [jooq ignore stop]
ALTER TABLE listings DROP CONSTRAINT listings_mechanism_ck;
ALTER TABLE listings ADD CONSTRAINT listings_mechanism_ck CHECK (mechanism IN ('NEGOTIATED', 'ENGLISH', 'SEALED', 'DUTCH'));
ALTER TABLE listings ADD CONSTRAINT listings_step_ms_ck CHECK ((mechanism = 'DUTCH') = (step_ms IS NOT NULL AND step_ms > 0));
ALTER TABLE listings ADD CONSTRAINT listings_units_sold_ck CHECK (units_sold >= 0 AND units_sold <= units);
-- A listing's latest trade price (RegistryReads: a correlated subquery per listing row) reads this index.
CREATE INDEX transfers_listing_ix ON transfers (listing_id, trade_id);
