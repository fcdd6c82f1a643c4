-- Hardware and firmware facts per node, as last read from its BMC (inventory refresh job).
CREATE TABLE node_inventory (
    node_id         VARCHAR(36) PRIMARY KEY REFERENCES nodes (id) ON DELETE CASCADE,
    facts           VARCHAR(100000) NOT NULL,
    read_at         BIGINT NOT NULL
);
