-- The duplicate review: pairs of stored leads that the duplicate rule calls the same person, found by
-- a background scan of every lead and kept up to date for new and changed leads afterwards. A pair
-- someone dismissed stays dismissed; pairs go with their leads (a merge deletes the duplicate).

CREATE TABLE duplicate_pair (
    lead_a       BIGINT        NOT NULL, -- the older lead (smaller id)
    lead_b       BIGINT        NOT NULL,
    matches      VARCHAR(100)  NOT NULL, -- DuplicateRule.Match names, comma-separated
    confidence   SMALLINT      NOT NULL, -- percent
    found_at     DATETIME(6)   NOT NULL,
    dismissed_at DATETIME(6)   NULL,
    dismissed_by VARCHAR(64)   NULL,
    PRIMARY KEY (lead_a, lead_b),
    INDEX ix_duplicate_pair_b (lead_b),
    INDEX ix_duplicate_pair_open (dismissed_at, lead_b),
    CONSTRAINT fk_duplicate_pair_a FOREIGN KEY (lead_a) REFERENCES leads (id) ON DELETE CASCADE,
    CONSTRAINT fk_duplicate_pair_b FOREIGN KEY (lead_b) REFERENCES leads (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the scan's one row: a full scan walks the leads by id and resumes at next_id after a restart;
-- afterwards the leads changed since the watermark are checked again
CREATE TABLE duplicate_scan (
    id           TINYINT       NOT NULL,
    started_at   DATETIME(6)   NULL,
    started_by   VARCHAR(64)   NULL,
    finished_at  DATETIME(6)   NULL,
    next_id      BIGINT        NOT NULL DEFAULT 0,
    last_id      BIGINT        NOT NULL DEFAULT 0,
    total        BIGINT        NOT NULL DEFAULT 0,
    done         BIGINT        NOT NULL DEFAULT 0,
    watermark    DATETIME(6)   NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO duplicate_scan (id) VALUES (1);

-- the incremental check reads the leads changed since its watermark
CREATE INDEX ix_leads_updated ON leads (updated_at);

-- the review lists the suspect leads: a range of this index, not the whole table
CREATE INDEX ix_leads_suspect ON leads (suspect_reasons(40));
