-- Bearer tokens of the REST + WebSocket API (`cryptopredict-cli serve`). The token itself is
-- shown to the client once and never stored: only its SHA-256 (hex) is kept, so a leaked
-- database does not leak usable tokens. A token stops working at expires_at or when revoked
-- (logout); deleting the user deletes the tokens.
CREATE TABLE api_tokens (
    id SERIAL PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE
)
;
-- Every authenticated request looks its token up by hash.
CREATE UNIQUE INDEX idx_api_tokens_hash ON api_tokens (token_hash)
;
CREATE INDEX idx_api_tokens_user ON api_tokens (user_id)
;
