-- CONTINUOUS trading (issue 3): each fund's order book and its orders; book trades in transfers.

CREATE TABLE order_books (
    fund_code VARCHAR(64)    NOT NULL,
    lot_units NUMERIC(21, 2) NOT NULL,
    status    VARCHAR(16)    NOT NULL,
    CONSTRAINT order_books_pk PRIMARY KEY (fund_code),
    CONSTRAINT order_books_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT order_books_lot_ck CHECK (lot_units > 0),
    CONSTRAINT order_books_status_ck CHECK (status IN ('OPEN', 'HALTED'))
);

-- One row per order ever accepted. open_units is what rests (0 once FILLED or CANCELLED); a SELL's open units are
-- part of holdings.locked. priority is the index that gave it its time priority (placement or a re-queuing amendment).
CREATE TABLE orders (
    order_id      BIGINT         NOT NULL, -- the index of the command that placed it
    fund_code     VARCHAR(64)    NOT NULL,
    owner         VARCHAR(64)    NOT NULL,
    side          VARCHAR(4)     NOT NULL,
    price         NUMERIC(23, 4) NOT NULL,
    units         NUMERIC(21, 2) NOT NULL, -- as placed
    open_units    NUMERIC(21, 2) NOT NULL,
    filled_units  NUMERIC(21, 2) NOT NULL,
    status        VARCHAR(16)    NOT NULL,
    priority      BIGINT         NOT NULL,
    closed_index  BIGINT         NULL,
    reject_code   INTEGER        NULL,     -- why the exchange cancelled it; 0 when its owner did
    reason        VARCHAR(400)   NULL,
    CONSTRAINT orders_pk PRIMARY KEY (order_id),
    CONSTRAINT orders_book_fk FOREIGN KEY (fund_code) REFERENCES order_books (fund_code),
    CONSTRAINT orders_owner_fk FOREIGN KEY (owner) REFERENCES participants (id),
    CONSTRAINT orders_side_ck CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT orders_price_ck CHECK (price > 0),
    CONSTRAINT orders_units_ck CHECK (units > 0 AND open_units >= 0 AND filled_units >= 0),
    CONSTRAINT orders_status_ck CHECK ((status = 'OPEN' AND open_units > 0 AND closed_index IS NULL)
        OR (status IN ('FILLED', 'CANCELLED') AND open_units = 0 AND closed_index IS NOT NULL)),
    CONSTRAINT orders_priority_ck CHECK (priority >= order_id)
);

CREATE INDEX orders_open_ix ON orders (fund_code, side, price, priority) WHERE status = 'OPEN';
CREATE INDEX orders_owner_ix ON orders (owner);

-- A book trade names no listing but its two orders and its business date (the daily settlement batch).
ALTER TABLE transfers ALTER COLUMN listing_id DROP NOT NULL;
ALTER TABLE transfers ADD COLUMN buy_order_id BIGINT NULL;
ALTER TABLE transfers ADD COLUMN sell_order_id BIGINT NULL;
ALTER TABLE transfers ADD COLUMN trade_date DATE NULL;
ALTER TABLE transfers ADD CONSTRAINT transfers_buy_order_fk FOREIGN KEY (buy_order_id) REFERENCES orders (order_id);
ALTER TABLE transfers ADD CONSTRAINT transfers_sell_order_fk FOREIGN KEY (sell_order_id) REFERENCES orders (order_id);
ALTER TABLE transfers ADD CONSTRAINT transfers_origin_ck CHECK (
    (listing_id IS NOT NULL AND buy_order_id IS NULL AND sell_order_id IS NULL AND trade_date IS NULL)
    OR (listing_id IS NULL AND buy_order_id IS NOT NULL AND sell_order_id IS NOT NULL AND trade_date IS NOT NULL));
CREATE INDEX transfers_batch_ix ON transfers (fund_code, trade_date) WHERE trade_date IS NOT NULL;
