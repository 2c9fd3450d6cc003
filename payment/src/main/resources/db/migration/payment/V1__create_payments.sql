-- One row per order: the unique order_id is what makes a charge happen at most once, whatever the retries and
-- concurrency. No card number, expiry or CVC is stored: only the last four digits and a keyed fingerprint
-- (HMAC-SHA-256 of the number with PAYMENT_FINGERPRINT_KEY).
CREATE TABLE payments (
    id              uuid         PRIMARY KEY,
    order_id        uuid         NOT NULL,
    -- the Idempotency-Key of the first charge request (order derives it from the order id); optional
    idempotency_key varchar(255),
    status          varchar(16)  NOT NULL,
    -- why a DECLINED payment was declined: card_declined | insufficient_funds
    decline_code    varchar(32),
    amount          bigint       NOT NULL,
    currency        char(3)      NOT NULL,
    last4           char(4)      NOT NULL,
    fingerprint     varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    refunded_at     timestamptz,
    CONSTRAINT payments_order_id_uk UNIQUE (order_id),
    CONSTRAINT payments_idempotency_key_uk UNIQUE (idempotency_key),
    CONSTRAINT payments_status_ck CHECK (status IN ('SUCCEEDED', 'DECLINED', 'REFUNDED')),
    CONSTRAINT payments_amount_ck CHECK (amount > 0),
    CONSTRAINT payments_declined_ck CHECK ((status = 'DECLINED') = (decline_code IS NOT NULL)),
    CONSTRAINT payments_refunded_ck CHECK ((status = 'REFUNDED') = (refunded_at IS NOT NULL))
);

CREATE INDEX payments_fingerprint_idx ON payments (fingerprint);
