-- A mechanism's own terms (issue 17, docs/design/mechanism-terms.md §2.5; rules version 11, MECHANISM_TERMS), as
-- ListingSubmitted.terms and BidPlaced.terms carry them: the journal codec's JSON of the terms record, its "type"
-- naming the record. EventProjection writes them without knowing the mechanism and RegistryReads reads them back as
-- JSON text; NULL for every listing and bid of a released mechanism (English, sealed, Dutch keep their frozen flat
-- terms in their own columns). No backfill: no row written before this version has terms.

ALTER TABLE listings ADD COLUMN terms JSONB NULL;
ALTER TABLE bids ADD COLUMN terms JSONB NULL;
-- jOOQ's DDL simulation (H2) knows neither jsonb_typeof nor the ? operator; the generated code needs only the columns.
-- [jooq ignore start]
ALTER TABLE listings ADD CONSTRAINT listings_terms_ck
    CHECK (terms IS NULL OR (jsonb_typeof(terms) = 'object' AND terms ? 'type'));
ALTER TABLE bids ADD CONSTRAINT bids_terms_ck
    CHECK (terms IS NULL OR (jsonb_typeof(terms) = 'object' AND terms ? 'type'));
-- [jooq ignore stop]
