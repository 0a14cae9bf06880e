-- The lead grid at a million leads, and the field history of a lead.
--
-- 1. The grid's default order is newest first: indexes on created_at are descending, so that order
--    is a forward scan (InnoDB scans backwards about three times slower).
-- 2. lead_tally counts leads per created month, status, owner and source. Counts and the position
--    of a deep page are read from it (a few thousand rows) instead of counting a million index
--    entries. The lead service keeps it exact in the transaction of every change (triggers did
--    too, but made a bulk load of a million leads twice as slow); bulk loads rebuild it at the end.
-- 3. and 4.: the name and company order tally and the text filter's indexes, below.
-- 5. lead_field_change keeps every field and owner change with who and when (statuses are in
--    stage_change).

-- the owner index first: the owner foreign key needs one while the old index is dropped
CREATE INDEX ix_leads_owner_created ON leads (owner_id, created_at DESC, id DESC);
DROP INDEX ix_leads_created ON leads;
DROP INDEX ix_leads_status_created ON leads;
DROP INDEX ix_leads_owner_status_created ON leads;
DROP INDEX ix_leads_source_created ON leads;
CREATE INDEX ix_leads_created ON leads (created_at DESC, id DESC);
CREATE INDEX ix_leads_status_created ON leads (status, created_at DESC, id DESC);
CREATE INDEX ix_leads_owner_status_created ON leads (owner_id, status, created_at DESC, id DESC);
CREATE INDEX ix_leads_source_created ON leads (source, created_at DESC, id DESC);
-- round-robin handoff: when each sales user last received a lead
CREATE INDEX ix_leads_owner_handover ON leads (owner_id, handed_over_at);

CREATE TABLE lead_tally (
    created_month INT         NOT NULL,
    status        VARCHAR(15) NOT NULL,
    owner_id      BIGINT      NOT NULL,
    source        VARCHAR(20) NOT NULL,
    n             BIGINT      NOT NULL,
    PRIMARY KEY (created_month, status, owner_id, source),
    INDEX ix_lead_tally_status (status, created_month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO lead_tally (created_month, status, owner_id, source, n)
SELECT EXTRACT(YEAR_MONTH FROM created_at), status, owner_id, source, COUNT(*)
FROM leads GROUP BY EXTRACT(YEAR_MONTH FROM created_at), status, owner_id, source;

-- 3. lead_order_tally counts leads per bucket of the name and company orders, so that a deep page
--    sorted by name or company starts at its bucket instead of skipping half a million index
--    entries. Bucket k (1..676) holds the values from the k-th two-letter bound (Aa, Ab, ... Zz) up
--    to the next; bucket 0 what sorts before Aa (and no company). Which bucket a value falls in is
--    decided by the database's own comparison, so buckets are exact ranges of the index order
--    whatever the accents or scripts.
CREATE TABLE lead_order_bound (
    sort_column VARCHAR(20)  NOT NULL,
    bucket      INT          NOT NULL,
    bound       VARCHAR(200) NOT NULL,
    PRIMARY KEY (sort_column, bucket),
    INDEX ix_lead_order_bound (sort_column, bound)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO lead_order_bound (sort_column, bucket, bound)
WITH RECURSIVE n AS (SELECT 0 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 675)
SELECT c.col, n.i + 1, CONCAT(CHAR(65 + n.i DIV 26), CHAR(97 + n.i MOD 26))
FROM n CROSS JOIN (SELECT 'last_name' AS col UNION ALL SELECT 'company') c;

CREATE TABLE lead_order_tally (
    sort_column VARCHAR(20) NOT NULL,
    bucket      INT         NOT NULL,
    n           BIGINT      NOT NULL,
    PRIMARY KEY (sort_column, bucket)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO lead_order_tally (sort_column, bucket, n)
SELECT 'last_name', (SELECT COUNT(*) FROM lead_order_bound b WHERE b.sort_column = 'last_name' AND b.bound <= l.last_name),
       COUNT(*)
FROM leads l GROUP BY 2;

INSERT INTO lead_order_tally (sort_column, bucket, n)
SELECT 'company', (SELECT COUNT(*) FROM lead_order_bound b WHERE b.sort_column = 'company' AND b.bound <= l.company),
       COUNT(*)
FROM leads l GROUP BY 2;

-- 4. The text filter unites index ranges over name, last name, e-mail and company; with created_at
--    in those indexes, the newest matches are found without reading the rows.
DROP INDEX ix_leads_name ON leads;
DROP INDEX ix_leads_company ON leads;
DROP INDEX ix_leads_email_key ON leads;
DROP INDEX ix_leads_name_company ON leads;
CREATE INDEX ix_leads_name ON leads (last_name, first_name, id, created_at);
CREATE INDEX ix_leads_company ON leads (company, id, created_at);
CREATE INDEX ix_leads_email_key ON leads (email_key, created_at);
CREATE INDEX ix_leads_name_company ON leads (name_key, company_key, created_at);

CREATE TABLE lead_field_change (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    lead_id     BIGINT        NOT NULL,
    field       VARCHAR(40)   NOT NULL,
    old_value   VARCHAR(1000) NULL,
    new_value   VARCHAR(1000) NULL,
    changed_by  VARCHAR(64)   NOT NULL,
    changed_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_lead_field_change_lead (lead_id, changed_at),
    CONSTRAINT fk_lead_field_change_lead FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
