-- The hub schema as hubs before migrations made it: HubBase.metadata.create_all(engine) at
-- commit f547a0f, its DDL for the sqlite dialect as SQLAlchemy 2.1 emitted it (create_mock_engine).
-- tests/hub/test_hub_schema.py loads it to stand for such a database.

CREATE TABLE hub_kiosks (
    kiosk_id VARCHAR(40) NOT NULL,
    post VARCHAR(40) NOT NULL,
    token_sha256 VARCHAR(64) NOT NULL,
    active BOOLEAN NOT NULL,
    created_at VARCHAR(32) NOT NULL,
    audit_seq INTEGER NOT NULL,
    audit_hash VARCHAR(64) NOT NULL,
    last_seen_at VARCHAR(32),
    CONSTRAINT pk_hub_kiosks PRIMARY KEY (kiosk_id),
    CONSTRAINT uq_hub_kiosks_token_sha256 UNIQUE (token_sha256)
);

CREATE TABLE hub_certificate_uses (
    id INTEGER NOT NULL,
    kind VARCHAR(2) NOT NULL,
    number VARCHAR(60) NOT NULL,
    post VARCHAR(40) NOT NULL,
    used_on DATE NOT NULL,
    inspection_id VARCHAR(24) NOT NULL,
    kiosk_id VARCHAR(40) NOT NULL,
    CONSTRAINT pk_hub_certificate_uses PRIMARY KEY (id),
    CONSTRAINT uq_hub_certificate_uses_kind_number_inspection_id UNIQUE (kind, number, inspection_id)
);

CREATE INDEX ix_hub_certificate_uses_number ON hub_certificate_uses (number);

CREATE TABLE hub_records (
    inspection_id VARCHAR(24) NOT NULL,
    kiosk_id VARCHAR(40) NOT NULL,
    post VARCHAR(40) NOT NULL,
    received_at VARCHAR(32) NOT NULL,
    receipt_id VARCHAR(40) NOT NULL,
    content_sha256 VARCHAR(64) NOT NULL,
    inspection JSON NOT NULL,
    photo BLOB,
    photo_sha256 VARCHAR(64),
    slip BLOB,
    slip_sha256 VARCHAR(64),
    flags JSON NOT NULL,
    CONSTRAINT pk_hub_records PRIMARY KEY (inspection_id),
    CONSTRAINT fk_hub_records_kiosk_id_hub_kiosks FOREIGN KEY(kiosk_id) REFERENCES hub_kiosks (kiosk_id),
    CONSTRAINT uq_hub_records_receipt_id UNIQUE (receipt_id)
);

CREATE INDEX ix_hub_records_kiosk_id_received_at ON hub_records (kiosk_id, received_at);

CREATE TABLE hub_audit_entries (
    kiosk_id VARCHAR(40) NOT NULL,
    seq INTEGER NOT NULL,
    at VARCHAR(40) NOT NULL,
    kind VARCHAR(40) NOT NULL,
    inspection_id VARCHAR(24),
    actor VARCHAR(64),
    detail JSON NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    hash VARCHAR(64) NOT NULL,
    received_at VARCHAR(32) NOT NULL,
    CONSTRAINT pk_hub_audit_entries PRIMARY KEY (kiosk_id, seq),
    CONSTRAINT fk_hub_audit_entries_kiosk_id_hub_kiosks FOREIGN KEY(kiosk_id) REFERENCES hub_kiosks (kiosk_id)
);

CREATE TABLE hub_audit_breaks (
    id INTEGER NOT NULL,
    kiosk_id VARCHAR(40) NOT NULL,
    seq INTEGER NOT NULL,
    why TEXT NOT NULL,
    inspection_id VARCHAR(24),
    found_at VARCHAR(32) NOT NULL,
    CONSTRAINT pk_hub_audit_breaks PRIMARY KEY (id),
    CONSTRAINT fk_hub_audit_breaks_kiosk_id_hub_kiosks FOREIGN KEY(kiosk_id) REFERENCES hub_kiosks (kiosk_id)
);

CREATE INDEX ix_hub_audit_breaks_kiosk_id ON hub_audit_breaks (kiosk_id);
