-- Keys the stored data depends on and a secret-key rotation must not change: the key of
-- the HMACs stored for recovery codes, temporary access codes, attempt limits, the audit
-- log's unknown addresses and the subjects applications know people by. Sealed under the
-- secret key (its key id leads the value), re-sealed by `twostep secret-key rotate`.
CREATE TABLE data_keys (
    name TEXT PRIMARY KEY,
    sealed TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
