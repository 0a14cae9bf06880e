-- The rep's day: activities logged on leads and deals (with every earlier version kept), follow-ups
-- with a due time and an assignee, in-app notifications that are also the outbox of notification
-- mails, each user's choice of channel per kind, and ShedLock's table so that scheduled work
-- (reminders, mail batches) runs on one node at a time.

CREATE TABLE activity (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    record_type  VARCHAR(20)   NOT NULL,
    record_id    BIGINT        NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    occurred_at  DATETIME(6)   NOT NULL,
    outcome      VARCHAR(20)   NULL,
    body         TEXT          NOT NULL,
    people       VARCHAR(500)  NULL,
    private_note BOOLEAN       NOT NULL DEFAULT FALSE,
    author_id    BIGINT        NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    updated_by   VARCHAR(64)   NOT NULL,
    deleted_at   DATETIME(6)   NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX ix_activity_record (record_type, record_id, occurred_at DESC, id DESC),
    INDEX ix_activity_author (author_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- what an activity said before each edit or its deletion
CREATE TABLE activity_revision (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    activity_id  BIGINT        NOT NULL,
    action       VARCHAR(10)   NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    occurred_at  DATETIME(6)   NOT NULL,
    outcome      VARCHAR(20)   NULL,
    body         TEXT          NOT NULL,
    people       VARCHAR(500)  NULL,
    changed_at   DATETIME(6)   NOT NULL,
    changed_by   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_activity_revision_activity (activity_id, changed_at),
    CONSTRAINT fk_activity_revision_activity FOREIGN KEY (activity_id) REFERENCES activity (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE follow_up (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    record_type  VARCHAR(20)   NOT NULL,
    record_id    BIGINT        NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    note         VARCHAR(2000) NULL,
    due_at       DATETIME(6)   NOT NULL,
    assignee_id  BIGINT        NOT NULL,
    done_at      DATETIME(6)   NULL,
    done_by      VARCHAR(64)   NULL,
    reminded_at  DATETIME(6)   NULL,
    created_at   DATETIME(6)   NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    updated_by   VARCHAR(64)   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX ix_follow_up_assignee_open (assignee_id, done_at, due_at, id),
    INDEX ix_follow_up_record (record_type, record_id, done_at, due_at),
    INDEX ix_follow_up_reminder (done_at, reminded_at, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- one row per notification of one user; mail_state is the outbox (PENDING until a batch sends it)
CREATE TABLE notification (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    user_id       BIGINT        NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    record_type   VARCHAR(20)   NULL,
    record_id     BIGINT        NULL,
    actor         VARCHAR(120)  NULL,
    subject       VARCHAR(300)  NULL,
    in_app        BOOLEAN       NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    read_at       DATETIME(6)   NULL,
    mail_state    VARCHAR(10)   NULL,
    mail_attempts INT           NOT NULL DEFAULT 0,
    mail_next_at  DATETIME(6)   NULL,
    mailed_at     DATETIME(6)   NULL,
    once_key      VARCHAR(120)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_notification_once UNIQUE (once_key),
    INDEX ix_notification_user (user_id, in_app, read_at, id),
    INDEX ix_notification_mail (mail_state, mail_next_at),
    CONSTRAINT fk_notification_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notification_preference (
    user_id BIGINT      NOT NULL,
    kind    VARCHAR(30) NOT NULL,
    channel VARCHAR(10) NOT NULL,
    PRIMARY KEY (user_id, kind),
    CONSTRAINT fk_notification_preference_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ShedLock (net.javacrumbs.shedlock, JDBC provider): one row per scheduled job
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the language mails are written in (the one the user last used), and when My work was last seen
ALTER TABLE app_user ADD COLUMN language VARCHAR(10) NULL,
    ADD COLUMN my_work_seen_at DATETIME(6) NULL;

-- My work: a rep's SQLs by first-touch deadline; the SLA reminder scans untouched SQLs by deadline
CREATE INDEX ix_leads_status_owner_due ON leads (status, owner_id, first_touch_due_at);
-- My work: a rep's stale open deals (no change for a while)
CREATE INDEX ix_opportunity_owner_stage_updated ON opportunity (owner_id, stage, updated_at);
