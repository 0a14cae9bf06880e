-- Saved views of the lead and deal grids: a name for a grid's state (its URL query string), kept
-- by a user for themself or shared by leadership with everyone of a role.
CREATE TABLE saved_view (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    owner_id    BIGINT        NOT NULL,
    grid        VARCHAR(20)   NOT NULL,
    name        VARCHAR(80)   NOT NULL,
    query       VARCHAR(2000) NOT NULL,
    shared_role VARCHAR(20)   NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_saved_view_name (owner_id, grid, name),
    INDEX ix_saved_view_shared (grid, shared_role),
    CONSTRAINT fk_saved_view_owner FOREIGN KEY (owner_id) REFERENCES app_user (id) ON DELETE CASCADE
);
