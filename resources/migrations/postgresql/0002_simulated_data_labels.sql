-- Demo data is simulated and must always be labelled so (ARCHITECTURE.md): an asset written by
-- the simulator carries is_simulated, and app_metadata records how the demo was generated.
ALTER TABLE cryptocurrencies ADD COLUMN is_simulated BOOLEAN NOT NULL DEFAULT false
;
CREATE TABLE app_metadata (
    key VARCHAR(100) PRIMARY KEY,
    value JSONB NOT NULL DEFAULT '{}',
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
)
;
CREATE TRIGGER update_app_metadata_updated_at BEFORE UPDATE ON app_metadata
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()
;
