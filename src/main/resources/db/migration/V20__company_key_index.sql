-- The duplicate rule's "similar name at the same company" reads a company's newest leads by its key
-- (V19 computed the keys again without the legal form).
CREATE INDEX ix_leads_company_key ON leads (company_key, created_at);
