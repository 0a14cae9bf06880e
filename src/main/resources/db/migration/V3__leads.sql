-- Leads, their interest signals, and the status history that the funnel figures are computed from.
-- Indexes follow the lead grid: every offered sort and filter ends in id, so a page is read from an
-- index in order and deep pages can be found by keyset or a deferred join.

CREATE TABLE leads (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    first_name              VARCHAR(100)  NOT NULL,
    last_name               VARCHAR(100)  NOT NULL,
    email                   VARCHAR(254)  NULL,
    email_key               VARCHAR(254)  NULL,
    phone                   VARCHAR(20)   NULL,
    company                 VARCHAR(200)  NULL,
    name_key                VARCHAR(220)  NOT NULL,
    company_key             VARCHAR(200)  NULL,
    job_title               VARCHAR(150)  NULL,
    country                 CHAR(2)       NULL,
    source                  VARCHAR(20)   NOT NULL,
    owner_id                BIGINT        NOT NULL,
    status                  VARCHAR(15)   NOT NULL,
    disqualification_reason VARCHAR(30)   NULL,
    disqualification_note   VARCHAR(1000) NULL,
    referred_by_id          BIGINT        NULL,
    notes                   TEXT          NULL,
    suspect_reasons         VARCHAR(300)  NULL,
    handed_over_at          DATETIME(6)   NULL,
    first_touch_due_at      DATETIME(6)   NULL,
    first_touch_at          DATETIME(6)   NULL,
    created_at              DATETIME(6)   NOT NULL,
    updated_at              DATETIME(6)   NOT NULL,
    updated_by              VARCHAR(64)   NOT NULL,
    version                 BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX ix_leads_created (created_at, id),
    INDEX ix_leads_status_created (status, created_at, id),
    INDEX ix_leads_owner_status_created (owner_id, status, created_at, id),
    INDEX ix_leads_source_created (source, created_at, id),
    INDEX ix_leads_name (last_name, first_name, id),
    INDEX ix_leads_company (company, id),
    INDEX ix_leads_status_due (status, first_touch_due_at),
    INDEX ix_leads_email_key (email_key),
    INDEX ix_leads_phone (phone),
    INDEX ix_leads_name_company (name_key, company_key),
    INDEX ix_leads_referred_by (referred_by_id),
    CONSTRAINT fk_leads_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT fk_leads_referred_by FOREIGN KEY (referred_by_id) REFERENCES leads (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_signal (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    lead_id     BIGINT      NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_lead_signal_lead (lead_id, occurred_at),
    CONSTRAINT fk_lead_signal_lead FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- StageChange: one row on every lead status or opportunity stage change (record_type LEAD or
-- OPPORTUNITY), with the definitions version the change was checked against. The funnel, its
-- conversion rates and time-in-stage are computed from this table.
CREATE TABLE stage_change (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    record_type        VARCHAR(20)   NOT NULL,
    record_id          BIGINT        NOT NULL,
    from_stage         VARCHAR(20)   NULL,
    to_stage           VARCHAR(20)   NOT NULL,
    changed_by         VARCHAR(64)   NOT NULL,
    changed_at         DATETIME(6)   NOT NULL,
    reason             VARCHAR(1000) NULL,
    definition_version INT           NULL,
    amount             DECIMAL(19, 2) NULL,
    probability        INT           NULL,
    PRIMARY KEY (id),
    INDEX ix_stage_change_record (record_type, record_id, changed_at),
    INDEX ix_stage_change_to (record_type, to_stage, changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
