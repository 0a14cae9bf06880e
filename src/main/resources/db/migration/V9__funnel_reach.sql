-- The funnel counts a lead at every step it reached: Lead (0), MQL (1), SQL (2), Opportunity (3),
-- Quote (4, its deal reached Quote or Negotiation), Won (5). A lead that skipped a step, or later
-- fell back (returned, disqualified, its deal lost), still counts at the furthest step it reached.
-- leads.reach keeps that step; lead_tally counts leads per reach as well, so that a cohort's funnel
-- is a sum over a few hundred tally rows.
ALTER TABLE leads ADD COLUMN reach TINYINT NOT NULL DEFAULT 0;

UPDATE leads l
JOIN (SELECT record_id,
             MAX(CASE to_stage WHEN 'MQL' THEN 1 WHEN 'SQL' THEN 2 WHEN 'CONVERTED' THEN 3 ELSE 0 END) AS r
      FROM stage_change WHERE record_type = 'LEAD' GROUP BY record_id) h ON h.record_id = l.id
SET l.reach = h.r;

UPDATE leads l
JOIN (SELECT o.lead_id,
             MAX(CASE s.to_stage WHEN 'QUOTE' THEN 4 WHEN 'NEGOTIATION' THEN 4 WHEN 'CLOSED_WON' THEN 5 ELSE 3 END) AS r
      FROM opportunity o JOIN stage_change s ON s.record_type = 'OPPORTUNITY' AND s.record_id = o.id
      WHERE o.lead_id IS NOT NULL GROUP BY o.lead_id) h ON h.lead_id = l.id
SET l.reach = GREATEST(l.reach, h.r);

ALTER TABLE lead_tally ADD COLUMN reach TINYINT NOT NULL DEFAULT 0,
    DROP PRIMARY KEY, ADD PRIMARY KEY (created_month, status, owner_id, source, reach, slot);

DELETE FROM lead_tally;
INSERT INTO lead_tally (created_month, status, owner_id, source, reach, n)
SELECT EXTRACT(YEAR_MONTH FROM created_at), status, owner_id, source, reach, COUNT(*)
FROM leads GROUP BY 1, 2, 3, 4, 5;
