-- The company's shared definitions of Lead, MQL, SQL, Opportunity and each opportunity stage.
-- A published version is a complete, read-only snapshot of every term; edits go to drafts first.

CREATE TABLE definition_version (
    number       INT           NOT NULL,
    published_at DATETIME(6)   NOT NULL,
    published_by VARCHAR(64)   NOT NULL,
    change_note  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE definition_entry (
    version_number INT         NOT NULL,
    term           VARCHAR(20) NOT NULL,
    body           TEXT        NOT NULL,
    examples       TEXT        NOT NULL,
    probability    INT         NULL,
    sla_hours      INT         NULL,
    changed        BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (version_number, term),
    CONSTRAINT fk_definition_entry_version FOREIGN KEY (version_number) REFERENCES definition_version (number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE definition_criterion (
    version_number INT          NOT NULL,
    term           VARCHAR(20)  NOT NULL,
    position       INT          NOT NULL,
    code           VARCHAR(60)  NOT NULL,
    name           VARCHAR(120) NOT NULL,
    explanation    VARCHAR(300) NOT NULL,
    PRIMARY KEY (version_number, term, position),
    CONSTRAINT uk_definition_criterion_code UNIQUE (version_number, term, code),
    CONSTRAINT fk_definition_criterion_entry FOREIGN KEY (version_number, term)
        REFERENCES definition_entry (version_number, term)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One shared draft per term; row_version guards against two editors overwriting each other.
CREATE TABLE definition_draft (
    term        VARCHAR(20) NOT NULL,
    body        TEXT        NOT NULL,
    examples    TEXT        NOT NULL,
    probability INT         NULL,
    sla_hours   INT         NULL,
    criteria    TEXT        NOT NULL,
    updated_by  VARCHAR(64) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    row_version BIGINT      NOT NULL,
    PRIMARY KEY (term)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE definition_acknowledgement (
    user_id         BIGINT      NOT NULL,
    version_number  INT         NOT NULL,
    acknowledged_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, version_number),
    INDEX ix_definition_ack_version (version_number),
    CONSTRAINT fk_definition_ack_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_definition_ack_version FOREIGN KEY (version_number) REFERENCES definition_version (number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which criteria are confirmed on a record (a lead or an opportunity), by whom and when.
CREATE TABLE criterion_confirmation (
    record_type    VARCHAR(20) NOT NULL,
    record_id      BIGINT      NOT NULL,
    code           VARCHAR(60) NOT NULL,
    confirmed_by   VARCHAR(64) NOT NULL,
    confirmed_at   DATETIME(6) NOT NULL,
    version_number INT         NOT NULL,
    PRIMARY KEY (record_type, record_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Version 1: the defaults taken from the source document (shared/seed/lead-vs-opportunity.pt.txt).
INSERT INTO definition_version (number, published_at, published_by, change_note)
VALUES (1, UTC_TIMESTAMP(6), 'system', 'Defaults taken from the source document.');

INSERT INTO definition_entry (version_number, term, body, examples, probability, sla_hours, changed) VALUES
(1, 'LEAD',
 'A **lead** is someone who showed interest in our product and left contact information. A lead is not yet a customer.\n\nSome leads are fake: wrong numbers or contact details. Do not spend time on them.',
 'You sell servers. An e-mail brings a VP at IBM who is interested in the latest server technology: that is a **lead**, not an opportunity.',
 NULL, NULL, TRUE),
(1, 'MQL',
 'A **marketing-qualified lead** has engaged with marketing, for example by signing up for the newsletter.',
 'Someone signs up for the newsletter after reading a blog post.',
 NULL, NULL, TRUE),
(1, 'SQL',
 'A **sales-qualified lead** asked to become a customer, for example through the contact form asking for information, **and** fits the ideal customer profile.',
 'A contact form: "We are evaluating servers for a new site, can someone call me?", from a company of the size and industry we serve.',
 NULL, 24, TRUE),
(1, 'OPPORTUNITY',
 'An **opportunity** is a qualified lead: a specific deal that meets criteria indicating high value or a high probability of closing. At minimum, we know who the buyer is.',
 'Later the VP''s team says: we are building a new data center and need servers within a year, with a budget of about US$30 million. The **opportunity** is the servers for the new data center.',
 NULL, NULL, TRUE),
(1, 'QUALIFICATION', 'The deal is being qualified: who buys, what they need, when and with what budget.', '', 10, NULL, TRUE),
(1, 'PROPOSAL', 'We have presented our proposal: the product and how it meets the need.', '', 30, NULL, TRUE),
(1, 'QUOTE',
 'Need, Ability (to pay), Desire and Authority (NADA) are identified, and the discussion of product, price, delivery and terms is finished. The quote confirms them.',
 'The quote for the data-center servers: the models, the price, delivery within twelve months, payment terms.',
 60, NULL, TRUE),
(1, 'NEGOTIATION', 'The buyer has the quote and we are negotiating the final terms.', '', 80, NULL, TRUE),
(1, 'CLOSED_WON', 'The buyer signed: the deal is won.', '', 100, NULL, TRUE),
(1, 'CLOSED_LOST', 'The deal will not happen; the lost reason says why.', '', 0, NULL, TRUE);

INSERT INTO definition_criterion (version_number, term, position, code, name, explanation) VALUES
(1, 'LEAD', 1, 'contact-info', 'Left contact information', 'We have a name and a working way to reach the person (e-mail or phone).'),
(1, 'MQL', 1, 'engaged-with-marketing', 'Engaged with marketing', 'Signed up for the newsletter, downloaded content, attended a webinar or similar.'),
(1, 'SQL', 1, 'asked-to-become-customer', 'Asked to become a customer', 'Asked for information, a demo or a price, e.g. through the contact form.'),
(1, 'SQL', 2, 'fits-icp', 'Fits the ideal customer profile', 'Company size, industry and region match our ideal customer profile.'),
(1, 'OPPORTUNITY', 1, 'buyer-known', 'Buyer known', 'We know the person who will decide and sign, and have them as a contact.'),
(1, 'OPPORTUNITY', 2, 'specific-deal', 'A specific deal', 'There is a concrete purchase in view, with a scope we can name.'),
(1, 'QUOTE', 1, 'need', 'Need', 'The buyer has a need that our product meets.'),
(1, 'QUOTE', 2, 'ability', 'Ability to pay', 'The buyer has the budget or the funding.'),
(1, 'QUOTE', 3, 'desire', 'Desire', 'The buyer wants to solve the need now, with us.'),
(1, 'QUOTE', 4, 'authority', 'Authority', 'We talk to the person who may decide, or they back the deal.'),
(1, 'QUOTE', 5, 'product-agreed', 'Product agreed', 'What is bought is agreed.'),
(1, 'QUOTE', 6, 'price-agreed', 'Price agreed', 'The price is agreed.'),
(1, 'QUOTE', 7, 'delivery-agreed', 'Delivery agreed', 'When and how it is delivered is agreed.'),
(1, 'QUOTE', 8, 'conditions-agreed', 'Conditions agreed', 'Payment and other conditions are agreed.');
