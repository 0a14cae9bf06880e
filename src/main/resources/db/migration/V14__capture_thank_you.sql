-- A capture form posted from a visitor's browser (an ordinary HTML form) answers with a page, not
-- JSON: the website's own thank-you page when the form names one, Funnel's otherwise.
ALTER TABLE capture_form ADD COLUMN thank_you_url VARCHAR(500) NULL;
