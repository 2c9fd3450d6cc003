-- Credentials owned by the auth service. E-mails are stored trimmed and lower-case.
CREATE TABLE accounts (
    id            UUID PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         TEXT[]       NOT NULL DEFAULT ARRAY['USER'],
    status        VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX accounts_email_lower_uk ON accounts (lower(email));
