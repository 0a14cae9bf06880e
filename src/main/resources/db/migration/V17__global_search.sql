-- The global search finds contacts by first or last name, e-mail and phone: a range of an index
-- for each (leads, deals and accounts have theirs since V3-V5).
CREATE INDEX ix_contact_first_name ON contact (first_name);
CREATE INDEX ix_contact_last_name ON contact (last_name);
CREATE INDEX ix_contact_email ON contact (email);
CREATE INDEX ix_contact_phone ON contact (phone);
