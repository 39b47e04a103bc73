-- Delivery at funding (issue 22, rules version 9): a delivery-versus-payment trade's units move to the buyer when it is
-- fully funded, locked with the buyer pending the fund's registration change. registering: those units (part of
-- units, disjoint from locked, pledged, frozen and unconfirmed); the registration change frees them, an unwind returns
-- them to the seller.
ALTER TABLE holdings ADD COLUMN registering NUMERIC(21, 2) NOT NULL DEFAULT 0;
ALTER TABLE holdings DROP CONSTRAINT holdings_encumbrances_ck;
ALTER TABLE holdings ADD CONSTRAINT holdings_encumbrances_ck CHECK (pledged >= 0 AND frozen >= 0 AND unconfirmed >= 0
    AND registering >= 0 AND locked + pledged + frozen + unconfirmed + registering <= units);
