-- The catalog. Money is an integer amount in minor units plus its ISO 4217 currency (no floating point).
-- "stock" is the quantity available for sale; reserved and sold quantities live in reservation_items.
-- Deleting a product through the API only sets active = false, so reservations and orders keep reading it.
CREATE TABLE products (
    id           uuid          PRIMARY KEY,
    sku          varchar(32)   NOT NULL,
    name         varchar(120)  NOT NULL,
    description  varchar(2000) NOT NULL DEFAULT '',
    price_amount bigint        NOT NULL CHECK (price_amount >= 0),
    currency     char(3)       NOT NULL,
    stock        integer       NOT NULL CHECK (stock >= 0),
    image_url    varchar(500),
    active       boolean       NOT NULL DEFAULT true,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    version      bigint        NOT NULL DEFAULT 0
);

-- A SKU names one active product (stored upper case); a deleted product's SKU may be given to a new one.
CREATE UNIQUE INDEX products_sku_active_uk ON products (sku) WHERE active;

-- Sorting active products by name / price / creation.
CREATE INDEX products_name_idx ON products (lower(name), id) WHERE active;
CREATE INDEX products_price_idx ON products (price_amount, id) WHERE active;
CREATE INDEX products_created_at_idx ON products (created_at, id) WHERE active;

-- Stock reservations of the order service, one per order (the order id is the key: a retry finds the
-- existing row instead of reserving twice). RESERVED holds stock for a checkout in progress; CONFIRMED means
-- sold; RELEASED means the stock went back (a failed payment, or a cancelled order).
CREATE TABLE reservations (
    order_id   uuid        PRIMARY KEY,
    status     varchar(16) NOT NULL CHECK (status IN ('RESERVED', 'CONFIRMED', 'RELEASED')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX reservations_status_idx ON reservations (status, created_at);

-- What each reservation holds, with the product's SKU, name and price at reservation time (the order keeps
-- those, whatever happens to the product later).
CREATE TABLE reservation_items (
    order_id          uuid         NOT NULL REFERENCES reservations (order_id),
    product_id        uuid         NOT NULL REFERENCES products (id),
    sku               varchar(32)  NOT NULL,
    name              varchar(120) NOT NULL,
    unit_price_amount bigint       NOT NULL CHECK (unit_price_amount >= 0),
    currency          char(3)      NOT NULL,
    quantity          integer      NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id)
);

CREATE INDEX reservation_items_product_idx ON reservation_items (product_id);
