-- Bearer tokens of the REST + WebSocket API (`cryptopredict-cli serve`). The token itself is
-- shown to the client once and never stored: only its SHA-256 (hex) is kept, so a leaked
-- database does not leak usable tokens. A token stops working at expires_at or when revoked
-- (logout); deleting the user deletes the tokens.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    last_used_at TEXT
)
;
-- Every authenticated request looks its token up by hash.
CREATE UNIQUE INDEX idx_api_tokens_hash ON api_tokens (token_hash)
;
CREATE INDEX idx_api_tokens_user ON api_tokens (user_id)
;
