-- A deal keeps the source of the lead it came from, copied at conversion (as CRMs copy the lead
-- source onto the opportunity), and the opportunity tally counts per source too: the dashboard's
-- source filter then narrows the pipeline as it does every other figure, and the deal grid filters
-- by it without a lookup of each deal's lead. Deals without a lead have no source ('' in the tally).
ALTER TABLE opportunity ADD COLUMN source VARCHAR(20) NULL;

UPDATE opportunity o JOIN leads l ON l.id = o.lead_id SET o.source = l.source;

ALTER TABLE opportunity_tally ADD COLUMN source VARCHAR(20) NOT NULL DEFAULT '',
    DROP PRIMARY KEY, ADD PRIMARY KEY (stage, owner_id, currency, close_month, source);

DELETE FROM opportunity_tally;
INSERT INTO opportunity_tally (stage, owner_id, currency, close_month, source, n, amount, weighted)
SELECT stage, owner_id, currency, EXTRACT(YEAR_MONTH FROM expected_close), COALESCE(source, ''), COUNT(*), SUM(amount),
       SUM(ROUND(amount * probability / 100, 4))
FROM opportunity GROUP BY 1, 2, 3, 4, 5;
