-- The dashboard's trend, velocity, win rate, lost reasons and handoff figures.
--
-- Each history row now keeps whom the record belonged to and where the lead came from at the time
-- of the change (owner, source), and a lost deal's reason: the figures count an event under the
-- owner who held the record then, and they are a function of the history rows alone, so that a
-- record's figures can be taken out and put back whenever its history changes (a new row, a merge).
ALTER TABLE stage_change ADD COLUMN owner_id BIGINT NULL,
    ADD COLUMN source VARCHAR(20) NULL,
    ADD COLUMN lost_reason VARCHAR(20) NULL;

UPDATE stage_change s JOIN leads l ON l.id = s.record_id
SET s.owner_id = l.owner_id, s.source = l.source
WHERE s.record_type = 'LEAD';

UPDATE stage_change s JOIN opportunity o ON o.id = s.record_id LEFT JOIN leads l ON l.id = o.lead_id
SET s.owner_id = o.owner_id, s.source = l.source,
    s.lost_reason = CASE WHEN s.to_stage <> 'CLOSED_LOST' THEN NULL
        WHEN SUBSTRING_INDEX(s.reason, ':', 1) IN ('PRICE', 'COMPETITOR', 'NO_BUDGET', 'NO_DECISION', 'TIMING', 'OTHER')
            THEN SUBSTRING_INDEX(s.reason, ':', 1)
        ELSE COALESCE(o.lost_reason, 'OTHER') END
WHERE s.record_type = 'OPPORTUNITY';

-- stage_tally: counts of history events per month, for one owner or every owner (owner_id 0) and
-- one source or every source (source ''): each event is counted four times, so that a figure with
-- or without the owner and source filters is a sum over a few thousand rows. kind: 1 reached
-- (stage MQL, SQL or OPPORTUNITY: the record's first time there), 2 stay ended (stage, bucket: the
-- hours spent, below 48; whole days in hours above), 3 won, 4 lost (stage: the lost reason),
-- 5 handed over (SQL), 6 returned to marketing (SQL), 7 first touch after the handoff (bucket: hours
-- as for stays; from the leads table). The lead and opportunity services keep it exact in the
-- transaction of each change; bulk loads rebuild it (StageTally).
CREATE TABLE stage_tally (
    owner_id BIGINT      NOT NULL,
    source   VARCHAR(20) NOT NULL,
    kind     TINYINT     NOT NULL,
    month    INT         NOT NULL,
    stage    VARCHAR(20) NOT NULL,
    bucket   INT         NOT NULL,
    slot     TINYINT     NOT NULL DEFAULT 0,
    n        BIGINT      NOT NULL,
    PRIMARY KEY (owner_id, source, kind, month, stage, bucket, slot),
    INDEX ix_stage_tally_kind (kind, source, month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- SQLs past their first-touch deadline now: counted from this index alone, with the owner and
-- source filters.
CREATE INDEX ix_leads_untouched ON leads (status, first_touch_at, first_touch_due_at, owner_id, source);
