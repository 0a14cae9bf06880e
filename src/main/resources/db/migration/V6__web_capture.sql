-- Web capture: forms that websites post leads to. Each form has a secret key in its URL, the lead
-- source and interest signal it records, the website origins allowed to post from a browser, and
-- the owner of the leads it brings. Every accepted post is kept with its consent (the text shown,
-- when, from which address), and a fingerprint so that the same post twice counts once.
CREATE TABLE capture_form (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    form_key        VARCHAR(40)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    source          VARCHAR(20)   NOT NULL,
    signal_kind     VARCHAR(20)   NOT NULL,
    allowed_origins VARCHAR(1000) NOT NULL,
    owner_id        BIGINT        NOT NULL,
    revoked_at      DATETIME(6)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_capture_form_key UNIQUE (form_key),
    CONSTRAINT fk_capture_form_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE capture_submission (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    form_id      BIGINT        NOT NULL,
    fingerprint  CHAR(64)      NOT NULL,
    lead_id      BIGINT        NULL,
    consent      BOOLEAN       NOT NULL,
    consent_text VARCHAR(2000) NULL,
    address      VARCHAR(45)   NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_capture_submission UNIQUE (form_id, fingerprint),
    CONSTRAINT fk_capture_submission_form FOREIGN KEY (form_id) REFERENCES capture_form (id),
    CONSTRAINT fk_capture_submission_lead FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
