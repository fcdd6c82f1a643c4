-- NFS share exports (issue 5). Numbered 200 so it cannot collide with the platform's and fleet's migrations.
-- directory is relative to DATA/repository; clients holds one CIDR, address or host name per line. An export
-- without clients is kept but not offered (nobody could mount it anyway).
CREATE TABLE share_exports (
    name            VARCHAR(64) PRIMARY KEY,
    directory       VARCHAR(255) NOT NULL,
    clients         VARCHAR(8000) NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
INSERT INTO share_exports (name, directory, clients, created_at, updated_at) VALUES ('firmware', 'firmware', '', 0, 0);
INSERT INTO share_exports (name, directory, clients, created_at, updated_at) VALUES ('iso', 'iso', '', 0, 0);
