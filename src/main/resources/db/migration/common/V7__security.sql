-- Issue 4, security: personal data sealed with SM4, the audit chain, rate limits, password changes.
-- Written in the SQL that H2 (PostgreSQL mode) and PostgreSQL share.

-- Phone and ID numbers hold the sealed form (platform PersonalData: "sm4gcm:<key id>:<base64url>",
-- 61 to 73 characters); plain values left from before are sealed by the Java migration V7_2.
-- An ID number is unique through its blind index (HMAC-SM3), since equal values seal differently.
ALTER TABLE member ALTER COLUMN id_number SET DATA TYPE VARCHAR(100);
ALTER TABLE member ALTER COLUMN phone SET DATA TYPE VARCHAR(100);
ALTER TABLE member ADD COLUMN id_number_index VARCHAR(64);
ALTER TABLE member DROP CONSTRAINT member_id_number;
ALTER TABLE member ADD CONSTRAINT member_id_number_index UNIQUE (id_number_index);
ALTER TABLE leader ALTER COLUMN phone SET DATA TYPE VARCHAR(100);
ALTER TABLE call ALTER COLUMN contact_phone SET DATA TYPE VARCHAR(100);

-- The audit chain: one seal per audit entry in commit order, each MAC covering the previous one.
-- Append-only like audit_log (PostgreSQL triggers in V7_1); the head row is the chain's lock.
CREATE TABLE audit_seal (
    seq      BIGINT      PRIMARY KEY,
    audit_id BIGINT      NOT NULL,
    key_id   INT         NOT NULL,
    mac      VARCHAR(64) NOT NULL,
    CONSTRAINT audit_seal_audit UNIQUE (audit_id)
);
CREATE TABLE audit_seal_head (
    id       INT         PRIMARY KEY,
    last_seq BIGINT      NOT NULL,
    last_mac VARCHAR(64) NOT NULL
);
INSERT INTO audit_seal_head (id, last_seq, last_mac) VALUES (1, 0, '');

-- Rate limits shared by every node: one token bucket per limit and key (the key is hashed).
CREATE TABLE rate_bucket (
    bucket       VARCHAR(64) PRIMARY KEY,
    tokens       DOUBLE PRECISION NOT NULL,
    refreshed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rate_bucket_refreshed ON rate_bucket (refreshed_at);

-- Where an account's password came from: CONFIGURED (RONGHE_ADMIN_PASSWORD, RONGHE_DEMO_PASSWORD),
-- INITIAL (set by an administrator or generated: must be changed at the first sign-in) or OWN.
-- Accounts from before: admin and demo accounts count as configured; others as initial until changed once.
ALTER TABLE account ADD COLUMN password_source VARCHAR(16) DEFAULT 'OWN' NOT NULL;
UPDATE account SET password_source = 'CONFIGURED' WHERE demo OR username = 'admin';
UPDATE account SET password_source = 'INITIAL'
WHERE NOT demo AND username <> 'admin' AND password_changed_at = created_at;
