-- State-owned holders (issue 20; SASAC/MOF Order No. 32; docs/rules.md, "State-owned holders"): the staff flag, each
-- holder's appraisals (the current one per fund and holder, with the approving body's consent to a lower reserve),
-- and the two public notices: a listing's disclosure and a deal's result. The notices name no participant.

ALTER TABLE participants ADD COLUMN state_owned BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE appraisals (
    appraisal_id           BIGINT         NOT NULL, -- the index of the RegisterAppraisal
    fund_code              VARCHAR(64)    NOT NULL,
    holder                 VARCHAR(64)    NOT NULL,
    appraised_value        NUMERIC(21, 2) NOT NULL, -- in the fund's currency
    units                  NUMERIC(21, 2) NOT NULL,
    price_per_unit         NUMERIC(23, 4) NOT NULL, -- value per unit, rounded up
    filing_reference       VARCHAR(200)   NOT NULL,
    valid_until            DATE           NOT NULL,
    registered_at          BIGINT         NOT NULL, -- journal time, epoch ms
    is_current             BOOLEAN        NOT NULL, -- false once a later appraisal of the fund replaced it
    approval_minimum_price NUMERIC(23, 4) NULL,     -- the approving body's consent, once recorded
    approval_reference     VARCHAR(200)   NULL,
    approval_proposal_id   BIGINT         NULL,
    CONSTRAINT appraisals_pk PRIMARY KEY (appraisal_id),
    CONSTRAINT appraisals_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT appraisals_holder_fk FOREIGN KEY (holder) REFERENCES participants (id),
    CONSTRAINT appraisals_amounts_ck CHECK (appraised_value > 0 AND units > 0 AND price_per_unit > 0),
    CONSTRAINT appraisals_approval_ck CHECK ((approval_minimum_price IS NULL) = (approval_reference IS NULL)
        AND (approval_reference IS NULL) = (approval_proposal_id IS NULL)
        AND (approval_minimum_price IS NULL OR approval_minimum_price > 0))
);

CREATE TABLE state_owned_disclosures (
    listing_id      BIGINT         NOT NULL,
    fund_code       VARCHAR(64)    NOT NULL,
    appraisal_id    BIGINT         NOT NULL,
    mechanism       VARCHAR(16)    NOT NULL,
    units           NUMERIC(21, 2) NOT NULL,
    price           NUMERIC(23, 4) NOT NULL, -- the negotiated price or the auction's starting price
    appraised_price NUMERIC(23, 4) NOT NULL,
    opened_at       BIGINT         NOT NULL, -- journal time, epoch ms
    deals_from      BIGINT         NOT NULL, -- no deal before, epoch ms
    ends_at         BIGINT         NULL,     -- an auction's end as listed
    source_index    BIGINT         NOT NULL,
    CONSTRAINT state_owned_disclosures_pk PRIMARY KEY (listing_id),
    CONSTRAINT state_owned_disclosures_listing_fk FOREIGN KEY (listing_id) REFERENCES listings (listing_id),
    CONSTRAINT state_owned_disclosures_appraisal_fk FOREIGN KEY (appraisal_id) REFERENCES appraisals (appraisal_id),
    CONSTRAINT state_owned_disclosures_period_ck CHECK (deals_from > opened_at)
);

CREATE TABLE state_owned_results (
    trade_id        BIGINT         NOT NULL,
    listing_id      BIGINT         NOT NULL,
    fund_code       VARCHAR(64)    NOT NULL,
    mechanism       VARCHAR(16)    NOT NULL,
    units           NUMERIC(21, 2) NOT NULL,
    price           NUMERIC(23, 4) NOT NULL,
    consideration   NUMERIC(21, 2) NOT NULL,
    appraised_price NUMERIC(23, 4) NOT NULL,
    announced_at    BIGINT         NOT NULL, -- journal time, epoch ms
    source_index    BIGINT         NOT NULL,
    CONSTRAINT state_owned_results_pk PRIMARY KEY (trade_id),
    CONSTRAINT state_owned_results_trade_fk FOREIGN KEY (trade_id) REFERENCES transfers (trade_id),
    CONSTRAINT state_owned_results_disclosure_fk FOREIGN KEY (listing_id) REFERENCES state_owned_disclosures (listing_id)
);
