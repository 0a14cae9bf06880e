-- Opportunities: the deals sales works, with the account (company) and the contact who is the
-- buyer. An SQL is converted into all three in one transaction; the lead and its opportunity point
-- at each other. Stage changes are rows of stage_change (record_type OPPORTUNITY) with the amount
-- and probability at that time.

CREATE TABLE account (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(200) NOT NULL,
    name_key   VARCHAR(200) NOT NULL,
    domain     VARCHAR(200) NULL,
    created_at DATETIME(6)  NOT NULL,
    created_by VARCHAR(64)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX ix_account_name_key (name_key),
    INDEX ix_account_domain (domain)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contact (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    account_id BIGINT       NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    last_name  VARCHAR(100) NOT NULL,
    email      VARCHAR(254) NULL,
    phone      VARCHAR(20)  NULL,
    job_title  VARCHAR(150) NULL,
    lead_id    BIGINT       NULL,
    created_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX ix_contact_account (account_id, last_name),
    INDEX ix_contact_lead (lead_id),
    CONSTRAINT fk_contact_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_contact_lead FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE opportunity (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    name             VARCHAR(200)   NOT NULL,
    account_id       BIGINT         NOT NULL,
    contact_id       BIGINT         NOT NULL,
    lead_id          BIGINT         NULL,
    owner_id         BIGINT         NOT NULL,
    amount           DECIMAL(19, 2) NOT NULL,
    currency         CHAR(3)        NOT NULL,
    expected_close   DATE           NOT NULL,
    stage            VARCHAR(20)    NOT NULL,
    probability      INT            NOT NULL,
    lost_reason      VARCHAR(20)    NULL,
    lost_note        VARCHAR(1000)  NULL,
    notes            TEXT           NULL,
    stage_changed_at DATETIME(6)    NOT NULL,
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    updated_by       VARCHAR(64)    NOT NULL,
    version          BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX ix_opportunity_stage_close (stage, expected_close, id),
    INDEX ix_opportunity_owner_stage_close (owner_id, stage, expected_close, id),
    INDEX ix_opportunity_close (expected_close, id),
    INDEX ix_opportunity_account (account_id, expected_close, id),
    INDEX ix_opportunity_amount (amount DESC, id DESC),
    INDEX ix_opportunity_name (name, id),
    INDEX ix_opportunity_lead (lead_id),
    CONSTRAINT fk_opportunity_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_opportunity_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT fk_opportunity_lead FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE SET NULL,
    CONSTRAINT fk_opportunity_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- opportunity_tally: deals, total and weighted amount per stage, owner, currency and close month.
-- The grid footer, the board's column headers and the grid's counts read it (a few thousand rows)
-- instead of summing every deal; the opportunity service keeps it exact in the transaction of
-- every change, bulk loads rebuild it.
CREATE TABLE opportunity_tally (
    stage       VARCHAR(20)    NOT NULL,
    owner_id    BIGINT         NOT NULL,
    currency    CHAR(3)        NOT NULL,
    close_month INT            NOT NULL,
    n           BIGINT         NOT NULL,
    amount      DECIMAL(25, 2) NOT NULL,
    weighted    DECIMAL(27, 4) NOT NULL,
    PRIMARY KEY (stage, owner_id, currency, close_month),
    INDEX ix_opportunity_tally_owner (owner_id, stage)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- a plain column (instant on a million leads); opportunity.lead_id is the checked link
ALTER TABLE leads ADD COLUMN opportunity_id BIGINT NULL;
