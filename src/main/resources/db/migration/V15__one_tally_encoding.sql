-- One way for every tally (the statistics package): the opportunity tally is written in slots as
-- the lead and stage tallies are (a transaction adds to one of 16 slots of a row, readers sum
-- them), and a deal without a source is counted under '-' as in the stage tally, where '' means
-- "every source". Existing counts stay in slot 0.
ALTER TABLE opportunity_tally ADD COLUMN slot TINYINT NOT NULL DEFAULT 0,
    DROP PRIMARY KEY, ADD PRIMARY KEY (stage, owner_id, currency, close_month, source, slot);

UPDATE opportunity_tally SET source = '-' WHERE source = '';
