-- A web form's post about a person Funnel already knows no longer writes to that person's lead
-- unseen: the signal is kept, marked with the form it came through and as awaiting review, and
-- marketing keeps or discards it (anyone with a public form key could otherwise write to any
-- known person's record).
ALTER TABLE lead_signal
    ADD COLUMN via            VARCHAR(100) NULL,
    ADD COLUMN review_pending BOOLEAN      NOT NULL DEFAULT FALSE;
