-- Intent matching (issue 4): non-listed offers, investor intents, inquiries (quotes and their rounds), match proposals
-- and notices of intents matching open auctions. The engine keeps only live items; these tables keep their history.
-- Amounts at the engine's scales (units and money NUMERIC(21,2), prices NUMERIC(23,4)).

CREATE TABLE offers (
    offer_id              BIGINT         NOT NULL, -- the index of the PostOffer
    fund_code             VARCHAR(64)    NOT NULL,
    holder                VARCHAR(64)    NOT NULL,
    units                 NUMERIC(21, 2) NOT NULL,
    remaining             NUMERIC(21, 2) NOT NULL, -- locked in the holder's holding while OPEN
    min_lot               NUMERIC(21, 2) NOT NULL,
    ask_price             NUMERIC(23, 4) NOT NULL,
    ask_percent_of_nav_bp BIGINT         NOT NULL, -- at posting
    ask_multiple_of_cost  NUMERIC(23, 4) NOT NULL, -- at posting
    visibility            VARCHAR(16)    NOT NULL,
    expires_at            BIGINT         NOT NULL, -- epoch ms, 0 for none
    status                VARCHAR(16)    NOT NULL,
    closed_index          BIGINT         NULL,
    CONSTRAINT offers_pk PRIMARY KEY (offer_id),
    CONSTRAINT offers_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT offers_holder_fk FOREIGN KEY (holder) REFERENCES participants (id),
    CONSTRAINT offers_units_ck CHECK (units > 0),
    CONSTRAINT offers_remaining_ck CHECK (remaining >= 0 AND remaining <= units),
    CONSTRAINT offers_min_lot_ck CHECK (min_lot > 0 AND min_lot <= units),
    CONSTRAINT offers_ask_price_ck CHECK (ask_price > 0),
    CONSTRAINT offers_multiple_ck CHECK (ask_multiple_of_cost >= 0),
    CONSTRAINT offers_visibility_ck CHECK (visibility IN ('PUBLIC_TEASER', 'QUALIFIED_ONLY')),
    CONSTRAINT offers_expires_at_ck CHECK (expires_at >= 0),
    CONSTRAINT offers_status_ck CHECK ((status = 'OPEN' AND closed_index IS NULL)
        OR (status IN ('FILLED', 'WITHDRAWN', 'EXPIRED') AND closed_index IS NOT NULL AND closed_index >= offer_id)),
    CONSTRAINT offers_filled_ck CHECK (status <> 'FILLED' OR remaining = 0)
);

CREATE INDEX offers_fund_ix ON offers (fund_code, status);
CREATE INDEX offers_holder_ix ON offers (holder);

-- An intent names funds (fund_codes) or criteria (strategies and the rest), never both. Only its investor, staff and
-- regulators may read it.
CREATE TABLE intents (
    intent_id             BIGINT         NOT NULL, -- the index of the PostIntent
    investor              VARCHAR(64)    NOT NULL,
    fund_codes            VARCHAR(3300)  NULL,     -- comma-separated, sorted (fund codes contain no comma)
    strategies            TEXT           NULL,     -- a JSON array of strings, sorted; [] for any strategy
    vintage_from          INTEGER        NULL,
    vintage_to            INTEGER        NULL,
    currency              VARCHAR(3)     NULL,
    manager               VARCHAR(200)   NULL,
    legal_form            VARCHAR(16)    NULL,
    min_amount            NUMERIC(21, 2) NOT NULL,
    max_amount            NUMERIC(21, 2) NOT NULL,
    max_percent_of_nav_bp BIGINT         NOT NULL,
    expires_at            BIGINT         NOT NULL, -- epoch ms, 0 for none
    status                VARCHAR(16)    NOT NULL,
    amended_index         BIGINT         NULL,     -- the last amendment
    closed_index          BIGINT         NULL,
    CONSTRAINT intents_pk PRIMARY KEY (intent_id),
    CONSTRAINT intents_investor_fk FOREIGN KEY (investor) REFERENCES participants (id),
    CONSTRAINT intents_target_ck CHECK ((fund_codes IS NULL) <> (strategies IS NULL)),
    CONSTRAINT intents_criteria_ck CHECK (fund_codes IS NULL OR (vintage_from IS NULL AND vintage_to IS NULL
        AND currency IS NULL AND manager IS NULL AND legal_form IS NULL)),
    CONSTRAINT intents_vintage_ck CHECK (vintage_from IS NULL OR vintage_to IS NULL OR vintage_from <= vintage_to),
    CONSTRAINT intents_legal_form_ck CHECK (legal_form IS NULL OR legal_form IN ('PARTNERSHIP', 'LLC', 'CONTRACTUAL')),
    CONSTRAINT intents_amount_ck CHECK (min_amount >= 0 AND max_amount > 0 AND min_amount <= max_amount),
    CONSTRAINT intents_max_percent_ck CHECK (max_percent_of_nav_bp > 0),
    CONSTRAINT intents_expires_at_ck CHECK (expires_at >= 0),
    CONSTRAINT intents_status_ck CHECK ((status = 'OPEN' AND closed_index IS NULL)
        OR (status IN ('CANCELLED', 'EXPIRED', 'FILLED') AND closed_index IS NOT NULL AND closed_index >= intent_id))
);

CREATE INDEX intents_investor_ix ON intents (investor);

-- A quote holds the terms last proposed; quote_rounds keeps every proposal. The holder knows the investor only by
-- its pseudonym on the offer (CONTRACTS.md 12).
CREATE TABLE quotes (
    quote_id          BIGINT         NOT NULL, -- the index of the SubmitQuote
    offer_id          BIGINT         NOT NULL,
    investor          VARCHAR(64)    NOT NULL,
    pseudonym         INTEGER        NOT NULL,
    price             NUMERIC(23, 4) NOT NULL,
    units             NUMERIC(21, 2) NOT NULL,
    percent_of_nav_bp BIGINT         NOT NULL,
    rounds            INTEGER        NOT NULL, -- counters so far
    turn              VARCHAR(16)    NULL,     -- the side that replies next while OPEN
    status            VARCHAR(16)    NOT NULL,
    closed_by         VARCHAR(16)    NULL,     -- the side that accepted or declined
    closed_index      BIGINT         NULL,
    CONSTRAINT quotes_pk PRIMARY KEY (quote_id),
    CONSTRAINT quotes_offer_fk FOREIGN KEY (offer_id) REFERENCES offers (offer_id),
    CONSTRAINT quotes_investor_fk FOREIGN KEY (investor) REFERENCES participants (id),
    CONSTRAINT quotes_pseudonym_ck CHECK (pseudonym > 0),
    CONSTRAINT quotes_price_ck CHECK (price > 0),
    CONSTRAINT quotes_units_ck CHECK (units > 0),
    CONSTRAINT quotes_rounds_ck CHECK (rounds >= 0),
    CONSTRAINT quotes_turn_ck CHECK (turn IS NULL OR turn IN ('HOLDER', 'INVESTOR')),
    CONSTRAINT quotes_closed_by_ck CHECK (closed_by IS NULL OR closed_by IN ('HOLDER', 'INVESTOR')),
    CONSTRAINT quotes_status_ck CHECK ((status = 'OPEN' AND turn IS NOT NULL AND closed_index IS NULL AND closed_by IS NULL)
        OR (status IN ('ACCEPTED', 'DECLINED') AND turn IS NULL AND closed_index IS NOT NULL AND closed_by IS NOT NULL)
        OR (status = 'LAPSED' AND turn IS NULL AND closed_index IS NOT NULL AND closed_by IS NULL))
);

CREATE INDEX quotes_offer_ix ON quotes (offer_id);
CREATE INDEX quotes_investor_ix ON quotes (investor);

CREATE TABLE quote_rounds (
    quote_id          BIGINT         NOT NULL,
    round_no          INTEGER        NOT NULL, -- 0: the quote itself
    side              VARCHAR(16)    NOT NULL, -- who proposed these terms
    price             NUMERIC(23, 4) NOT NULL,
    units             NUMERIC(21, 2) NOT NULL,
    percent_of_nav_bp BIGINT         NOT NULL,
    source_index      BIGINT         NOT NULL,
    CONSTRAINT quote_rounds_pk PRIMARY KEY (quote_id, round_no),
    CONSTRAINT quote_rounds_quote_fk FOREIGN KEY (quote_id) REFERENCES quotes (quote_id),
    CONSTRAINT quote_rounds_side_ck CHECK (side IN ('HOLDER', 'INVESTOR') AND (round_no > 0 OR side = 'INVESTOR')),
    CONSTRAINT quote_rounds_price_ck CHECK (price > 0),
    CONSTRAINT quote_rounds_units_ck CHECK (units > 0)
);

-- Match proposals: PROPOSED (staff only), BROKERED (put to both parties; the holder sees investor_pseudonym),
-- then AGREED (a trade followed), DECLINED or LAPSED (the offer or intent closed or changed).
CREATE TABLE match_proposals (
    match_id           BIGINT         NOT NULL, -- sourceIndex * 4096 + n
    offer_id           BIGINT         NOT NULL,
    intent_id          BIGINT         NOT NULL,
    match_rank         INTEGER        NOT NULL, -- 1 = best for the item that triggered it
    units              NUMERIC(21, 2) NOT NULL, -- the proposed terms, or the brokered ones
    price              NUMERIC(23, 4) NOT NULL,
    amount             NUMERIC(21, 2) NOT NULL, -- proposed units x price
    percent_of_nav_bp  BIGINT         NOT NULL,
    surplus_bp         BIGINT         NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    investor_pseudonym INTEGER        NULL,
    brokered_by        VARCHAR(64)    NULL,
    brokered_index     BIGINT         NULL,
    holder_accepted    BOOLEAN        NOT NULL,
    investor_accepted  BOOLEAN        NOT NULL,
    closed_by          VARCHAR(16)    NULL,     -- who declined
    proposed_index     BIGINT         NOT NULL,
    closed_index       BIGINT         NULL,
    CONSTRAINT match_proposals_pk PRIMARY KEY (match_id),
    CONSTRAINT match_proposals_offer_fk FOREIGN KEY (offer_id) REFERENCES offers (offer_id),
    CONSTRAINT match_proposals_intent_fk FOREIGN KEY (intent_id) REFERENCES intents (intent_id),
    CONSTRAINT match_proposals_brokered_by_fk FOREIGN KEY (brokered_by) REFERENCES participants (id),
    CONSTRAINT match_proposals_rank_ck CHECK (match_rank > 0),
    CONSTRAINT match_proposals_units_ck CHECK (units > 0),
    CONSTRAINT match_proposals_price_ck CHECK (price > 0),
    CONSTRAINT match_proposals_surplus_ck CHECK (surplus_bp >= 0),
    CONSTRAINT match_proposals_status_ck CHECK (status IN ('PROPOSED', 'BROKERED', 'AGREED', 'DECLINED', 'LAPSED')),
    CONSTRAINT match_proposals_brokered_ck CHECK ((brokered_index IS NULL) = (investor_pseudonym IS NULL)
        AND (brokered_index IS NULL) = (brokered_by IS NULL)
        AND (status <> 'PROPOSED' OR brokered_index IS NULL)
        AND (status NOT IN ('BROKERED', 'AGREED', 'DECLINED') OR brokered_index IS NOT NULL)),
    CONSTRAINT match_proposals_closed_ck CHECK ((status IN ('PROPOSED', 'BROKERED')) = (closed_index IS NULL)),
    CONSTRAINT match_proposals_agreed_ck CHECK (status <> 'AGREED' OR (holder_accepted AND investor_accepted))
);

CREATE INDEX match_proposals_offer_ix ON match_proposals (offer_id);
CREATE INDEX match_proposals_intent_ix ON match_proposals (intent_id);
CREATE INDEX match_proposals_live_ix ON match_proposals (status, match_id);

-- An intent matched an open auction; its investor was told (IntentMatchedListing).
CREATE TABLE listing_notices (
    source_index      BIGINT         NOT NULL,
    intent_id         BIGINT         NOT NULL,
    listing_id        BIGINT         NOT NULL,
    investor          VARCHAR(64)    NOT NULL,
    match_rank        INTEGER        NOT NULL,
    price             NUMERIC(23, 4) NOT NULL, -- the auction's reserve
    percent_of_nav_bp BIGINT         NOT NULL,
    CONSTRAINT listing_notices_pk PRIMARY KEY (source_index, intent_id, listing_id),
    CONSTRAINT listing_notices_intent_fk FOREIGN KEY (intent_id) REFERENCES intents (intent_id),
    CONSTRAINT listing_notices_listing_fk FOREIGN KEY (listing_id) REFERENCES listings (listing_id),
    CONSTRAINT listing_notices_investor_fk FOREIGN KEY (investor) REFERENCES participants (id),
    CONSTRAINT listing_notices_rank_ck CHECK (match_rank > 0)
);

CREATE INDEX listing_notices_investor_ix ON listing_notices (investor);

-- A trade on a non-listed offer has an offer_id and no listing_id.
ALTER TABLE transfers ALTER COLUMN listing_id DROP NOT NULL;
ALTER TABLE transfers ADD COLUMN offer_id BIGINT NULL;
ALTER TABLE transfers ADD CONSTRAINT transfers_offer_fk FOREIGN KEY (offer_id) REFERENCES offers (offer_id);
ALTER TABLE transfers ADD CONSTRAINT transfers_offer_ck CHECK (offer_id IS NULL OR listing_id IS NULL);
CREATE INDEX transfers_offer_ix ON transfers (offer_id);

-- A transfer comes from exactly one origin: a listing, the continuous book (its two orders and business date), or a
-- non-listed offer.
ALTER TABLE transfers DROP CONSTRAINT transfers_origin_ck;
ALTER TABLE transfers ADD CONSTRAINT transfers_origin_ck CHECK (
    (listing_id IS NOT NULL AND offer_id IS NULL AND buy_order_id IS NULL AND sell_order_id IS NULL AND trade_date IS NULL)
    OR (listing_id IS NULL AND offer_id IS NULL AND buy_order_id IS NOT NULL AND sell_order_id IS NOT NULL
        AND trade_date IS NOT NULL)
    OR (listing_id IS NULL AND offer_id IS NOT NULL AND buy_order_id IS NULL AND sell_order_id IS NULL
        AND trade_date IS NULL));
