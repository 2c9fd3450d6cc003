-- Carts: one per user (sub); the version changes with every update (optimistic If-Match).
CREATE TABLE carts (
    user_id    uuid PRIMARY KEY,
    version    bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL
);

CREATE TABLE cart_items (
    user_id    uuid        NOT NULL REFERENCES carts (user_id) ON DELETE CASCADE,
    product_id uuid        NOT NULL,
    quantity   integer     NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, product_id)
);

CREATE SEQUENCE order_numbers;

-- Orders and the state of their checkout saga. status is what the API shows; step is where the saga is:
-- RESERVING (the reservation may exist), CHARGING (reserved; a charge may exist), CONFIRMING (paid; the
-- reservation is being confirmed), RELEASING (failed or cancelled; stock is being returned), ABORTING (nothing
-- was charged; stock is being returned, then the order is deleted), REFUNDING (cancel: the refund is pending),
-- DONE. step_at is when the step last moved: the recovery job takes over orders whose step is stale.
CREATE TABLE orders (
    id              uuid PRIMARY KEY,
    number          text        NOT NULL UNIQUE,
    user_id         uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'PAYMENT_FAILED', 'CANCELLED')),
    step            text        NOT NULL
        CHECK (step IN ('RESERVING', 'CHARGING', 'CONFIRMING', 'RELEASING', 'ABORTING', 'REFUNDING', 'DONE')),
    currency        char(3)     NOT NULL,
    total           bigint      CHECK (total >= 0),
    payment_status  text,
    payment_id      uuid,
    last4           text,
    failure_code    text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    step_at         timestamptz NOT NULL,
    -- the exactly-once guard of POST /api/orders: one order per user and idempotency key
    CONSTRAINT orders_user_key UNIQUE (user_id, idempotency_key)
);

CREATE INDEX orders_by_user ON orders (user_id, created_at DESC);
CREATE INDEX orders_by_created ON orders (created_at DESC);
CREATE INDEX orders_unfinished ON orders (step_at) WHERE step <> 'DONE';

-- Lines of an order with SKU, name and unit price as they were when the stock was reserved (invariant 4).
CREATE TABLE order_items (
    order_id   uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line       integer NOT NULL,
    product_id uuid    NOT NULL,
    sku        text,
    name       text,
    unit_price bigint CHECK (unit_price >= 0),
    quantity   integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, line)
);
