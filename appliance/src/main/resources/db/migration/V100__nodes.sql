-- Nodes, groups and wake campaigns (fleet). Versions 100+ so they never collide with the platform's.
-- Portable types only; times as epoch milliseconds.

CREATE TABLE nodes (
    id                    VARCHAR(36) PRIMARY KEY,
    name                  VARCHAR(128) NOT NULL,
    type                  VARCHAR(16) NOT NULL,
    site                  VARCHAR(64) NOT NULL,
    bmc_address           VARCHAR(253),
    bmc_port              INT,
    bmc_scheme            VARCHAR(5),
    credential_profile_id VARCHAR(36) REFERENCES credential_profiles (id),
    username              VARCHAR(256),
    password_secret_id    VARCHAR(36),
    cert_sha256           VARCHAR(64),
    mac                   VARCHAR(17),
    ip                    VARCHAR(15),
    prefix_length         INT,
    ip_num                BIGINT,
    verify_port           INT,
    secure_on_secret_id   VARCHAR(36),
    tags                  VARCHAR(1024) NOT NULL DEFAULT ',',
    service_tag           VARCHAR(64),
    power_state           VARCHAR(16) NOT NULL DEFAULT 'UNKNOWN',
    power_detail          VARCHAR(512),
    power_read_at         BIGINT,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL
);
-- idempotent import: a BMC is its address and port, a BMC-less node its MAC (NULLs are distinct in both databases)
CREATE UNIQUE INDEX nodes_bmc ON nodes (bmc_address, bmc_port);
CREATE UNIQUE INDEX nodes_mac ON nodes (mac);
CREATE INDEX nodes_name ON nodes (name);
CREATE INDEX nodes_site ON nodes (site, name);
CREATE INDEX nodes_type ON nodes (type, name);
CREATE INDEX nodes_ip ON nodes (ip_num);
CREATE INDEX nodes_power ON nodes (power_state, name);

CREATE TABLE node_groups (
    id              VARCHAR(36) PRIMARY KEY,
    name            VARCHAR(128) NOT NULL UNIQUE,
    dynamic         BOOLEAN NOT NULL,
    filter_site     VARCHAR(64),
    filter_type     VARCHAR(16),
    filter_subnet   VARCHAR(18),
    filter_tag      VARCHAR(64),
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE TABLE node_group_members (
    group_id        VARCHAR(36) NOT NULL REFERENCES node_groups (id) ON DELETE CASCADE,
    node_id         VARCHAR(36) NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, node_id)
);
CREATE INDEX node_group_members_node ON node_group_members (node_id);

CREATE TABLE wake_campaigns (
    id              VARCHAR(64) PRIMARY KEY,
    name            VARCHAR(128) NOT NULL,
    spec            VARCHAR(8000) NOT NULL,
    state           VARCHAR(16) NOT NULL,
    window_start    BIGINT NOT NULL,
    window_deadline BIGINT NOT NULL,
    created_by      VARCHAR(64) NOT NULL,
    created_at      BIGINT NOT NULL,
    finished_at     BIGINT
);
CREATE INDEX wake_campaigns_state ON wake_campaigns (state);

-- the nodes of a campaign, fixed when it is created, in the order they are woken
CREATE TABLE wake_campaign_nodes (
    campaign_id     VARCHAR(64) NOT NULL REFERENCES wake_campaigns (id) ON DELETE CASCADE,
    position        INT NOT NULL,
    node_id         VARCHAR(36) NOT NULL,
    PRIMARY KEY (campaign_id, position)
);

-- one row per target of a run, rewritten after every transition (CampaignStore)
CREATE TABLE wake_campaign_targets (
    run_id          VARCHAR(128) NOT NULL,
    node_id         VARCHAR(36) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    state           VARCHAR(2000) NOT NULL,
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (run_id, node_id)
);

