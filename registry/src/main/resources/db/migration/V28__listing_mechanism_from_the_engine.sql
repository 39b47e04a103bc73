-- A listing's mechanism is the engine's to govern (issue 17): the registry is a projection of events the engine
-- accepted, and EventProjection writes a listing's mechanism only from a ListingSubmitted event's ListingMechanism
-- constant and its step only from that event's AuctionTerms, which the mechanism's rules checked. The CHECKs that
-- listed the mechanisms by name (V3, widened by V14) and tied step_ms to DUTCH (V14) repeated those rules here, so
-- every new mechanism needed a migration; they go. What holds for every row whatever its mechanism stays checked:
-- a step, when there is one, is positive, and listings_units_sold_ck (V14) is unchanged.

ALTER TABLE listings DROP CONSTRAINT listings_mechanism_ck;
ALTER TABLE listings DROP CONSTRAINT listings_step_ms_ck;
ALTER TABLE listings ADD CONSTRAINT listings_step_ms_ck CHECK (step_ms IS NULL OR step_ms > 0);
