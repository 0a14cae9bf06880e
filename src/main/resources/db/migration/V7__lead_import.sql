-- CSV imports of leads: one row per import with its settings, progress and counts; which leads it
-- created, and which it updated (with the version it left them at and the values it replaced), for
-- undo; and
-- the rows it could not import, with the reason, for the failed-rows file.

CREATE TABLE lead_import (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    file_name        VARCHAR(255)  NOT NULL,
    file_bytes       BIGINT        NOT NULL,
    encoding         VARCHAR(20)   NOT NULL,
    delimiter_char   VARCHAR(5)    NOT NULL,
    header           TEXT          NOT NULL,
    mapping          VARCHAR(2000) NOT NULL,
    duplicate_choice VARCHAR(10)   NOT NULL,
    skip_invalid     BOOLEAN       NOT NULL,
    source           VARCHAR(20)   NOT NULL,
    signal_kind      VARCHAR(20)   NULL,
    owner_id         BIGINT        NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    total_rows       INT           NOT NULL,
    processed_rows   INT           NOT NULL DEFAULT 0,
    created_count    INT           NOT NULL DEFAULT 0,
    updated_count    INT           NOT NULL DEFAULT 0,
    skipped_count    INT           NOT NULL DEFAULT 0,
    failed_count     INT           NOT NULL DEFAULT 0,
    message          VARCHAR(1000) NULL,
    started_by       VARCHAR(64)   NOT NULL,
    started_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6)   NULL,
    undone_by        VARCHAR(64)   NULL,
    undone_at        DATETIME(6)   NULL,
    undo_removed     INT           NULL,
    undo_reverted    INT           NULL,
    undo_kept        INT           NULL,
    PRIMARY KEY (id),
    INDEX ix_lead_import_started (started_at DESC, id DESC),
    CONSTRAINT fk_lead_import_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the leads an import created: each batch's leads have consecutive ids, so one row per batch
CREATE TABLE lead_import_created (
    import_id     BIGINT NOT NULL,
    first_lead_id BIGINT NOT NULL,
    last_lead_id  BIGINT NOT NULL,
    PRIMARY KEY (import_id, first_lead_id),
    CONSTRAINT fk_lead_import_created_import FOREIGN KEY (import_id) REFERENCES lead_import (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the leads an import updated: the version it left each at and the values it replaced (field=value&...)
CREATE TABLE lead_import_row (
    import_id    BIGINT  NOT NULL,
    lead_id      BIGINT  NOT NULL,
    lead_version BIGINT  NOT NULL,
    previous     TEXT    NULL,
    PRIMARY KEY (import_id, lead_id),
    INDEX ix_lead_import_row_lead (lead_id),
    CONSTRAINT fk_lead_import_row_import FOREIGN KEY (import_id) REFERENCES lead_import (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- row_no: the line's record number in the file (1 = the first row after the header); line_values:
-- the row's values as one CSV line, to give them back in the failed-rows file
CREATE TABLE lead_import_failure (
    import_id   BIGINT        NOT NULL,
    row_no      INT           NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    line_values TEXT          NOT NULL,
    PRIMARY KEY (import_id, row_no),
    CONSTRAINT fk_lead_import_failure_import FOREIGN KEY (import_id) REFERENCES lead_import (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
