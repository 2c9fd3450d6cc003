-- When the password was last changed (POST /api/auth/password); NULL = never since registration.
ALTER TABLE accounts ADD COLUMN password_changed_at TIMESTAMPTZ;
