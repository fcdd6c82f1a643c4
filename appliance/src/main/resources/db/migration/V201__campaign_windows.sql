-- Wake campaigns keep their selection (a group by id, all nodes, or an explicit list) in wake_campaigns.spec and
-- resolve it each time a window opens; the targets of each window are stored here, per window, in the transaction
-- that sets the campaign running, so a resumed window keeps exactly the list it started with.
-- A window is the run campaignId@windowStart; window_start is that instant in epoch milliseconds.

-- why a campaign ended as FAILED (its group was deleted before a window opened)
ALTER TABLE wake_campaigns ADD COLUMN failure VARCHAR(512);

CREATE TABLE wake_campaign_windows (
    campaign_id     VARCHAR(64) NOT NULL REFERENCES wake_campaigns (id) ON DELETE CASCADE,
    window_start    BIGINT NOT NULL,
    opened_at       BIGINT NOT NULL,
    -- how the selection read when the window opened, for people: "group night-shift (dynamic)"
    selection       VARCHAR(300) NOT NULL,
    -- listed nodes deleted before the window opened, left out of it
    skipped         INT NOT NULL,
    -- why the window could not run (its group was deleted), or NULL
    failure         VARCHAR(512),
    PRIMARY KEY (campaign_id, window_start)
);

-- the targets of a window, in the order they are woken
CREATE TABLE wake_campaign_window_nodes (
    campaign_id     VARCHAR(64) NOT NULL,
    window_start    BIGINT NOT NULL,
    position        INT NOT NULL,
    node_id         VARCHAR(36) NOT NULL,
    PRIMARY KEY (campaign_id, window_start, position),
    FOREIGN KEY (campaign_id, window_start) REFERENCES wake_campaign_windows (campaign_id, window_start)
        ON DELETE CASCADE
);

-- Campaigns from before did not keep their group: they stay explicit lists (their spec has no selection line, which
-- reads as an explicit list, and wake_campaign_nodes keeps the list). The windows they already started (running or
-- done) get that list as their own; a recurring campaign's previous window, which has no row here, is reported
-- with the explicit list too.
INSERT INTO wake_campaign_windows (campaign_id, window_start, opened_at, selection, skipped, failure)
    SELECT id, window_start, window_start, 'listed nodes', 0, NULL FROM wake_campaigns
    WHERE state IN ('RUNNING', 'DONE');
INSERT INTO wake_campaign_window_nodes (campaign_id, window_start, position, node_id)
    SELECT c.id, c.window_start, n.position, n.node_id FROM wake_campaigns c
    JOIN wake_campaign_nodes n ON n.campaign_id = c.id
    WHERE c.state IN ('RUNNING', 'DONE');
