-- What the first POST /api/orders with an Idempotency-Key asked for: a keyed hash (HMAC-SHA256) of the card number
-- and expiry, never the card itself. The same key with another card gets 422 instead of the first order's answer.
-- Null for orders placed before this column existed (their keys replay as before).
ALTER TABLE orders ADD COLUMN request_fingerprint text;
