-- Whether the member has a sign-in account at auth (created by registration through POST /internal/members).
-- The email of such a member is also their sign-in email, which auth holds; the public API may not change it.
-- Members an admin creates (POST /api/members) and the demo members have no account. Rows that existed
-- before this column get false; auth's next internal create for the same id marks them.
ALTER TABLE members ADD COLUMN has_account boolean NOT NULL DEFAULT false;
