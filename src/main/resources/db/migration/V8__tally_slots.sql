-- Tally rows in slots: a transaction adds its counts to one of 16 slots of a tally row, chosen at
-- random, and readers sum the slots. Every new lead of a web form adds to the same tally row (this
-- month, New, the form's owner and source); with one row per key, concurrent captures queued on its
-- lock until each commit was flushed. Existing counts stay in slot 0.
ALTER TABLE lead_tally ADD COLUMN slot TINYINT NOT NULL DEFAULT 0,
    DROP PRIMARY KEY, ADD PRIMARY KEY (created_month, status, owner_id, source, slot);
ALTER TABLE lead_order_tally ADD COLUMN slot TINYINT NOT NULL DEFAULT 0,
    DROP PRIMARY KEY, ADD PRIMARY KEY (sort_column, bucket, slot);
