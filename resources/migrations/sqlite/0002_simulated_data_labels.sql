-- Demo data is simulated and must always be labelled so (ARCHITECTURE.md): an asset written by
-- the simulator carries is_simulated, and app_metadata records how the demo was generated.
ALTER TABLE cryptocurrencies ADD COLUMN is_simulated INTEGER NOT NULL DEFAULT 0
    CHECK (is_simulated IN (0, 1))
;
CREATE TABLE app_metadata (
    key VARCHAR(100) NOT NULL PRIMARY KEY,
    value TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(value)),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
CREATE TRIGGER update_app_metadata_updated_at AFTER UPDATE ON app_metadata
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE app_metadata SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE key = NEW.key;
END
;
