-- Secrets that every server on one database must hold alike (the submission form's signing key): made by the first
-- server that needs one, read by the others, kept across restarts.
-- Runs as it is on PostgreSQL and on H2 in its PostgreSQL mode (Database.embedded): plain SQL types only.
-- Never edit this file once released: add a V4.

CREATE TABLE shared_secrets (
    -- what the secret is for: 'submit-form'
    name VARCHAR(40) PRIMARY KEY,
    -- 32 random bytes in unpadded base64url (43 characters)
    secret VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
