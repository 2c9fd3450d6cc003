-- Member profiles. The id is the user id issued by auth (or a fresh UUID for members an admin creates).
CREATE TABLE members (
    id         uuid         PRIMARY KEY,
    email      varchar(254) NOT NULL,
    name       varchar(100) NOT NULL,
    phone      varchar(32),
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    version    bigint       NOT NULL DEFAULT 0
);

-- Emails are unique regardless of case.
CREATE UNIQUE INDEX members_email_lower_uk ON members (lower(email));

-- Sorting by name / dates.
CREATE INDEX members_name_lower_idx ON members (lower(name), id);
CREATE INDEX members_created_at_idx ON members (created_at, id);
CREATE INDEX members_updated_at_idx ON members (updated_at, id);
