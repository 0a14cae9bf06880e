-- The lead grid at a million leads, and the field history of a lead.
--
-- 1. The grid's default order is newest first: indexes on created_at are descending, so that order
--    is a forward scan (InnoDB scans backwards about three times slower).
-- 2. lead_tally counts leads per created month, status, owner and source. Counts and the position
--    of a deep page are read from it (a few thousand rows) instead of counting a million index
--    entries. Triggers keep it exact on every insert, update and delete, whoever writes; a bulk
--    load may set @funnel_bulk_load = 1 and rebuild the tally once at the end.
-- 3. lead_field_change keeps every field and owner change with who and when (statuses are in
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

CREATE TRIGGER leads_tally_insert AFTER INSERT ON leads FOR EACH ROW
INSERT INTO lead_tally (created_month, status, owner_id, source, n)
SELECT EXTRACT(YEAR_MONTH FROM NEW.created_at), NEW.status, NEW.owner_id, NEW.source, 1
FROM DUAL WHERE @funnel_bulk_load IS NULL
ON DUPLICATE KEY UPDATE n = n + 1;

CREATE TRIGGER leads_tally_delete AFTER DELETE ON leads FOR EACH ROW
INSERT INTO lead_tally (created_month, status, owner_id, source, n)
SELECT EXTRACT(YEAR_MONTH FROM OLD.created_at), OLD.status, OLD.owner_id, OLD.source, -1
FROM DUAL WHERE @funnel_bulk_load IS NULL
ON DUPLICATE KEY UPDATE n = n - 1;

CREATE TRIGGER leads_tally_update AFTER UPDATE ON leads FOR EACH ROW
INSERT INTO lead_tally (created_month, status, owner_id, source, n)
SELECT t.m, t.s, t.o, t.src, t.d FROM (
    SELECT EXTRACT(YEAR_MONTH FROM OLD.created_at) AS m, OLD.status AS s, OLD.owner_id AS o, OLD.source AS src, -1 AS d
    UNION ALL
    SELECT EXTRACT(YEAR_MONTH FROM NEW.created_at), NEW.status, NEW.owner_id, NEW.source, 1
) t
WHERE @funnel_bulk_load IS NULL
  AND (OLD.status <> NEW.status OR OLD.owner_id <> NEW.owner_id OR OLD.source <> NEW.source
       OR OLD.created_at <> NEW.created_at)
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

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
