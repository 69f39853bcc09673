-- =============================================================================
-- CryptoPredict schema, migration 0001 (SQLite 3.40)
-- Source: docs/Design/17_Database_ERD_Design.md ("روز 17"), with the Phase-1 tables
-- (users, cryptocurrencies, price_data) created here because the product starts empty.
-- Twin of resources/migrations/postgresql/0001_initial_schema.sql: same tables, same columns in
-- the same order, same CHECKs, UNIQUEs, FKs (ON DELETE), indexes and updated_at triggers; a
-- test compares the two.
--
-- Format: statements are separated by a line holding only ";" (the migrator splits on it and
-- runs the whole file in one transaction; it also owns schema_migrations).
-- Dialect mapping:
--   SERIAL / BIGSERIAL -> INTEGER PRIMARY KEY (rowid alias)
--   TIMESTAMPTZ        -> TEXT, ISO 8601 UTC with milliseconds ("2025-08-23T10:30:00.000Z"),
--                         so that text order is time order; NOW() -> strftime('%Y-%m-%dT%H:%M:%fZ')
--   JSONB              -> TEXT with CHECK (json_valid(col)) and the same defaults
--   BOOLEAN            -> INTEGER with CHECK (col IN (0, 1))
--   INET               -> TEXT
--   NUMERIC(p,s)       -> NUMERIC(p,s) (NUMERIC affinity; SQLite keeps integers exactly and
--                         other values as doubles)
-- Foreign keys are enforced only on connections with PRAGMA foreign_keys=ON (the app sets it).
-- Differences from the seed, on purpose (same as PostgreSQL):
--   * crypto_sectors is created before cryptocurrencies (the seed's ALTER TABLE referenced it
--     before it existed) and the seed's ALTER TABLE enhancements are folded into the CREATEs.
--   * price_data has UNIQUE (crypto_id, timestamp) so that re-imports are idempotent.
--   * the old `predictions` table is not created; predictions_enhanced replaces it.
--   * prices are NUMERIC(38,18), not the seed's NUMERIC(20,8): meme coins trade below 1e-6
--     (PEPE ~1e-6, BONK ~1e-5), where 8 decimals keep one or two significant digits and
--     high/low/close collapse onto each other.
-- =============================================================================

-- =============================================================================
-- Core tables (Phase 1 + the seed's enhancements)
-- =============================================================================

-- Layer 2 sectors; first, because cryptocurrencies.sector_id references it.
CREATE TABLE crypto_sectors (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE,
    description TEXT,
    color_code VARCHAR(7), -- Hex color code
    characteristics TEXT DEFAULT '{}' CHECK (json_valid(characteristics)),
    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
-- The seed's default sectors, verbatim.
INSERT INTO crypto_sectors (name, description, color_code, characteristics) VALUES
('DeFi', 'Decentralized Finance protocols and tokens', '#1B4F72', '{"focus": "lending, dex, yield"}'),
('Layer1', 'Base layer blockchains (Bitcoin, Ethereum, etc.)', '#148F77', '{"focus": "consensus, security"}'),
('Layer2', 'Scaling solutions for Layer 1 blockchains', '#D68910', '{"focus": "scaling, speed"}'),
('Gaming', 'Blockchain gaming and metaverse tokens', '#A569BD', '{"focus": "gaming, nft, virtual"}'),
('NFT', 'Non-Fungible Token platforms and marketplaces', '#E74C3C', '{"focus": "art, collectibles"}'),
('Infrastructure', 'Blockchain infrastructure and tooling', '#5D6D7E', '{"focus": "oracles, bridges"}'),
('Meme', 'Community-driven meme tokens', '#F39C12', '{"focus": "community, social"}'),
('Payments', 'Payment-focused cryptocurrencies', '#27AE60', '{"focus": "payments, remittance"}'),
('Privacy', 'Privacy-focused cryptocurrencies', '#2E4057', '{"focus": "privacy, anonymity"}'),
('Stablecoins', 'Price-stable cryptocurrencies', '#85929E', '{"focus": "stability, pegged"}')
ON CONFLICT (name) DO NOTHING
;
-- Phase 1 users + the seed's role column. password_hash is nullable: an account without a
-- password (e.g. a system account) simply cannot log in with one.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email VARCHAR(255) NOT NULL UNIQUE,
    password_hash TEXT,
    first_name VARCHAR(100),
    last_name VARCHAR(100),
    role VARCHAR(20) NOT NULL DEFAULT 'casual' CHECK (role IN ('admin', 'professional', 'casual')),
    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    is_verified INTEGER NOT NULL DEFAULT 0 CHECK (is_verified IN (0, 1)),
    is_superuser INTEGER NOT NULL DEFAULT 0 CHECK (is_superuser IN (0, 1)),
    preferences TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(preferences)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_login TEXT
)
;
-- Phase 1 cryptocurrencies + the seed's sector_id and watchlist_tier. sector_id keeps the
-- seed's plain REFERENCES: a sector still named by a coin cannot be deleted.
CREATE TABLE cryptocurrencies (
    id INTEGER PRIMARY KEY,
    symbol VARCHAR(20) NOT NULL UNIQUE,
    name VARCHAR(100) NOT NULL,
    coingecko_id VARCHAR(100) UNIQUE,
    market_cap_rank INTEGER,
    current_price NUMERIC(38,18),
    market_cap NUMERIC(30,2),
    total_volume NUMERIC(30,2),
    circulating_supply NUMERIC(30,8),
    total_supply NUMERIC(30,8),
    max_supply NUMERIC(30,8),
    description TEXT,
    website_url VARCHAR(255),
    blockchain_site VARCHAR(255),
    sector_id INTEGER REFERENCES crypto_sectors(id),
    watchlist_tier VARCHAR(10) NOT NULL DEFAULT 'none' CHECK (watchlist_tier IN ('tier1', 'tier2', 'none')),
    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    is_supported INTEGER NOT NULL DEFAULT 1 CHECK (is_supported IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_data_update TEXT
)
;
-- Phase 1 candles + the seed's technical_indicators. open/high/low may be NULL because some
-- sources (CoinGecko market_chart) only give a closing price. The UNIQUE index also serves
-- per-asset time-range reads.
CREATE TABLE price_data (
    id INTEGER PRIMARY KEY,
    crypto_id INTEGER NOT NULL REFERENCES cryptocurrencies(id) ON DELETE CASCADE,
    timestamp TEXT NOT NULL,
    open_price NUMERIC(38,18),
    high_price NUMERIC(38,18),
    low_price NUMERIC(38,18),
    close_price NUMERIC(38,18) NOT NULL,
    volume NUMERIC(30,8),
    market_cap NUMERIC(30,2),
    technical_indicators TEXT DEFAULT '{}' CHECK (json_valid(technical_indicators)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (crypto_id, timestamp)
)
;
-- =============================================================================
-- LAYER 1: MACRO MARKET ANALYSIS TABLES
-- =============================================================================

CREATE TABLE market_regime_analysis (
    id INTEGER PRIMARY KEY,
    analysis_time TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    market_regime VARCHAR(20) NOT NULL CHECK (market_regime IN ('bull', 'bear', 'neutral', 'volatile')),
    confidence_score NUMERIC(5,4) NOT NULL CHECK (confidence_score >= 0 AND confidence_score <= 1),
    risk_level VARCHAR(10) NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'extreme')),
    trend_strength NUMERIC(5,4) CHECK (trend_strength >= 0 AND trend_strength <= 1),
    recommended_exposure NUMERIC(5,4) CHECK (recommended_exposure >= 0 AND recommended_exposure <= 1),
    sentiment_breakdown TEXT DEFAULT '{}' CHECK (json_valid(sentiment_breakdown)),
    regime_drivers TEXT DEFAULT '[]' CHECK (json_valid(regime_drivers)),
    dominance_data TEXT DEFAULT '{}' CHECK (json_valid(dominance_data)),
    macro_indicators TEXT DEFAULT '{}' CHECK (json_valid(macro_indicators)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
CREATE TABLE market_sentiment_data (
    id INTEGER PRIMARY KEY,
    timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    fear_greed_index NUMERIC(5,2) CHECK (fear_greed_index >= 0 AND fear_greed_index <= 100),
    funding_rates TEXT DEFAULT '{}' CHECK (json_valid(funding_rates)),
    social_sentiment TEXT DEFAULT '{}' CHECK (json_valid(social_sentiment)),
    news_sentiment TEXT DEFAULT '{}' CHECK (json_valid(news_sentiment)),
    composite_sentiment NUMERIC(5,4) CHECK (composite_sentiment >= -1 AND composite_sentiment <= 1),
    sentiment_sources TEXT DEFAULT '{}' CHECK (json_valid(sentiment_sources)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
CREATE TABLE dominance_data (
    id INTEGER PRIMARY KEY,
    timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    btc_dominance NUMERIC(5,2) CHECK (btc_dominance >= 0 AND btc_dominance <= 100),
    eth_dominance NUMERIC(5,2) CHECK (eth_dominance >= 0 AND eth_dominance <= 100),
    alt_dominance NUMERIC(5,2) CHECK (alt_dominance >= 0 AND alt_dominance <= 100),
    stablecoin_dominance NUMERIC(5,2) CHECK (stablecoin_dominance >= 0 AND stablecoin_dominance <= 100),
    total_market_cap NUMERIC(30,2),
    total_volume NUMERIC(30,2),
    dominance_changes TEXT DEFAULT '{}' CHECK (json_valid(dominance_changes)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
-- =============================================================================
-- LAYER 2: SECTOR ANALYSIS TABLES
-- =============================================================================

CREATE TABLE sector_performance (
    id INTEGER PRIMARY KEY,
    sector_id INTEGER NOT NULL REFERENCES crypto_sectors(id) ON DELETE CASCADE,
    analysis_time TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    total_market_cap NUMERIC(30,2),
    total_volume NUMERIC(30,2),
    dominance_percentage NUMERIC(5,2) CHECK (dominance_percentage >= 0 AND dominance_percentage <= 100),
    momentum_score NUMERIC(5,4) CHECK (momentum_score >= -1 AND momentum_score <= 1),
    performance_24h NUMERIC(8,4),
    performance_7d NUMERIC(8,4),
    performance_30d NUMERIC(8,4),
    top_performers TEXT DEFAULT '[]' CHECK (json_valid(top_performers)),
    performance_metrics TEXT DEFAULT '{}' CHECK (json_valid(performance_metrics)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
CREATE TABLE sector_rotation_analysis (
    id INTEGER PRIMARY KEY,
    analysis_time TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    flow_directions TEXT DEFAULT '{}' CHECK (json_valid(flow_directions)),
    rotation_signals TEXT DEFAULT '{}' CHECK (json_valid(rotation_signals)),
    leading_sectors TEXT DEFAULT '[]' CHECK (json_valid(leading_sectors)),
    declining_sectors TEXT DEFAULT '[]' CHECK (json_valid(declining_sectors)),
    rotation_probability NUMERIC(5,4) CHECK (rotation_probability >= 0 AND rotation_probability <= 1),
    recommended_allocation TEXT DEFAULT '{}' CHECK (json_valid(recommended_allocation)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
CREATE TABLE crypto_sector_mapping (
    id INTEGER PRIMARY KEY,
    crypto_id INTEGER NOT NULL REFERENCES cryptocurrencies(id) ON DELETE CASCADE,
    sector_id INTEGER NOT NULL REFERENCES crypto_sectors(id) ON DELETE CASCADE,
    weight NUMERIC(5,4) DEFAULT 1.0 CHECK (weight >= 0 AND weight <= 1),
    is_primary INTEGER DEFAULT 1 CHECK (is_primary IN (0, 1)),
    assigned_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (crypto_id, sector_id)
)
;
-- =============================================================================
-- LAYER 3: ENHANCED ASSET SELECTION TABLES
-- =============================================================================

-- user_id is NULL for system watchlists.
CREATE TABLE watchlists (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    name VARCHAR(100) NOT NULL,
    type VARCHAR(20) NOT NULL DEFAULT 'personal' CHECK (type IN ('admin', 'personal', 'system')),
    tier VARCHAR(10) CHECK (tier IN ('tier1', 'tier2')),
    description TEXT,
    max_items INTEGER DEFAULT 50,
    current_items INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    configuration TEXT DEFAULT '{}' CHECK (json_valid(configuration)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
CREATE TABLE watchlist_items (
    id INTEGER PRIMARY KEY,
    watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
    crypto_id INTEGER NOT NULL REFERENCES cryptocurrencies(id) ON DELETE CASCADE,
    tier VARCHAR(10) NOT NULL CHECK (tier IN ('tier1', 'tier2')),
    priority_order INTEGER DEFAULT 0,
    status VARCHAR(20) DEFAULT 'active' CHECK (status IN ('active', 'paused', 'removed')),
    analysis_config TEXT DEFAULT '{}' CHECK (json_valid(analysis_config)),
    added_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_analysis TEXT,
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (watchlist_id, crypto_id)
)
;
-- reviewed_by keeps the seed's plain REFERENCES: a user who reviewed suggestions cannot be
-- deleted (the review trail stays intact).
CREATE TABLE ai_suggestions (
    id INTEGER PRIMARY KEY,
    crypto_id INTEGER NOT NULL REFERENCES cryptocurrencies(id) ON DELETE CASCADE,
    suggestion_type VARCHAR(20) NOT NULL CHECK (suggestion_type IN ('add_tier1', 'add_tier2', 'promote', 'demote', 'remove')),
    confidence_score NUMERIC(5,4) NOT NULL CHECK (confidence_score >= 0 AND confidence_score <= 1),
    ai_reasoning TEXT DEFAULT '{}' CHECK (json_valid(ai_reasoning)),
    supporting_data TEXT DEFAULT '{}' CHECK (json_valid(supporting_data)),
    performance_metrics TEXT DEFAULT '{}' CHECK (json_valid(performance_metrics)),
    status VARCHAR(20) DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    reviewed_by INTEGER REFERENCES users(id),
    suggested_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    reviewed_at TEXT,
    expires_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+7 days'))
)
;
CREATE TABLE suggestion_reviews (
    id INTEGER PRIMARY KEY,
    suggestion_id INTEGER NOT NULL REFERENCES ai_suggestions(id) ON DELETE CASCADE,
    reviewer_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    decision VARCHAR(20) NOT NULL CHECK (decision IN ('approve', 'reject', 'defer')),
    review_notes TEXT,
    review_criteria TEXT DEFAULT '{}' CHECK (json_valid(review_criteria)),
    reviewed_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
-- =============================================================================
-- LAYER 4: MICRO TIMING TABLES
-- =============================================================================

CREATE TABLE trading_signals (
    id INTEGER PRIMARY KEY,
    crypto_id INTEGER NOT NULL REFERENCES cryptocurrencies(id) ON DELETE CASCADE,
    generated_by INTEGER REFERENCES users(id), -- NULL for AI-generated
    signal_type VARCHAR(10) NOT NULL CHECK (signal_type IN ('long', 'short')),
    entry_price NUMERIC(38,18) NOT NULL,
    target_price NUMERIC(38,18) NOT NULL,
    stop_loss NUMERIC(38,18) NOT NULL,
    confidence_score NUMERIC(5,4) NOT NULL CHECK (confidence_score >= 0 AND confidence_score <= 1),
    risk_level VARCHAR(10) NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'extreme')),
    risk_reward_ratio NUMERIC(6,2) CHECK (risk_reward_ratio > 0),
    time_horizon_hours INTEGER DEFAULT 24,
    ai_analysis TEXT DEFAULT '{}' CHECK (json_valid(ai_analysis)),
    market_context TEXT DEFAULT '{}' CHECK (json_valid(market_context)),
    status VARCHAR(20) DEFAULT 'active' CHECK (status IN ('active', 'executed', 'expired', 'cancelled')),
    generated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+7 days')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
CREATE TABLE signal_executions (
    id INTEGER PRIMARY KEY,
    signal_id INTEGER NOT NULL REFERENCES trading_signals(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    execution_price NUMERIC(38,18),
    position_size NUMERIC(30,8),
    portfolio_percentage NUMERIC(5,2),
    execution_type VARCHAR(20) DEFAULT 'manual' CHECK (execution_type IN ('manual', 'automatic')),
    status VARCHAR(20) DEFAULT 'pending' CHECK (status IN ('pending', 'filled', 'partially_filled', 'cancelled')),
    execution_details TEXT DEFAULT '{}' CHECK (json_valid(execution_details)),
    executed_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
CREATE TABLE risk_management (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    max_position_size NUMERIC(30,8) DEFAULT 1000,
    max_portfolio_risk NUMERIC(5,4) DEFAULT 0.02 CHECK (max_portfolio_risk >= 0 AND max_portfolio_risk <= 1),
    risk_rules TEXT DEFAULT '{}' CHECK (json_valid(risk_rules)),
    current_exposure TEXT DEFAULT '{}' CHECK (json_valid(current_exposure)),
    risk_metrics TEXT DEFAULT '{}' CHECK (json_valid(risk_metrics)),
    last_calculated TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
-- =============================================================================
-- ENHANCED PREDICTIONS TABLE (replaces Phase 1 `predictions`, which is not created)
-- =============================================================================

CREATE TABLE predictions_enhanced (
    id INTEGER PRIMARY KEY,
    crypto_id INTEGER NOT NULL REFERENCES cryptocurrencies(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    layer_source VARCHAR(10) CHECK (layer_source IN ('layer1', 'layer2', 'layer3', 'layer4')),
    model_name VARCHAR(50) NOT NULL,
    model_version VARCHAR(20) NOT NULL,
    predicted_price NUMERIC(38,18) NOT NULL,
    confidence_score NUMERIC(5,4) NOT NULL CHECK (confidence_score >= 0 AND confidence_score <= 1),
    prediction_horizon INTEGER NOT NULL,
    target_datetime TEXT NOT NULL,
    features_used TEXT DEFAULT '{}' CHECK (json_valid(features_used)),
    model_parameters TEXT DEFAULT '{}' CHECK (json_valid(model_parameters)),
    input_price NUMERIC(38,18) NOT NULL,
    input_features TEXT DEFAULT '{}' CHECK (json_valid(input_features)),
    macro_context TEXT DEFAULT '{}' CHECK (json_valid(macro_context)),
    actual_price NUMERIC(38,18),
    accuracy_percentage NUMERIC(5,2),
    absolute_error NUMERIC(38,18),
    squared_error NUMERIC(30,8),
    is_realized INTEGER NOT NULL DEFAULT 0 CHECK (is_realized IN (0, 1)),
    is_accurate INTEGER CHECK (is_accurate IN (0, 1)),
    accuracy_threshold NUMERIC(5,2) DEFAULT 5.0,
    training_data_end TEXT,
    market_conditions VARCHAR(20),
    volatility_level VARCHAR(10),
    model_training_time NUMERIC(10,2),
    prediction_time NUMERIC(10,6),
    notes TEXT,
    debug_info TEXT DEFAULT '{}' CHECK (json_valid(debug_info)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    evaluated_at TEXT
)
;
-- =============================================================================
-- SYSTEM MANAGEMENT TABLES
-- =============================================================================

CREATE TABLE ai_models (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE,
    version VARCHAR(50) NOT NULL,
    model_type VARCHAR(20) NOT NULL CHECK (model_type IN ('macro', 'sector', 'asset', 'timing')),
    status VARCHAR(20) DEFAULT 'inactive' CHECK (status IN ('active', 'training', 'inactive', 'error')),
    configuration TEXT DEFAULT '{}' CHECK (json_valid(configuration)),
    performance_metrics TEXT DEFAULT '{}' CHECK (json_valid(performance_metrics)),
    last_trained TEXT,
    last_prediction TEXT,
    health_status TEXT DEFAULT '{}' CHECK (json_valid(health_status)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
CREATE TABLE system_health (
    id INTEGER PRIMARY KEY,
    check_time TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    api_status TEXT DEFAULT '{}' CHECK (json_valid(api_status)),
    database_status TEXT DEFAULT '{}' CHECK (json_valid(database_status)),
    ml_models_status TEXT DEFAULT '{}' CHECK (json_valid(ml_models_status)),
    data_pipeline_status TEXT DEFAULT '{}' CHECK (json_valid(data_pipeline_status)),
    overall_health_score NUMERIC(5,2) CHECK (overall_health_score >= 0 AND overall_health_score <= 100),
    performance_metrics TEXT DEFAULT '{}' CHECK (json_valid(performance_metrics)),
    error_logs TEXT DEFAULT '[]' CHECK (json_valid(error_logs)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
-- activity_type has no CHECK, as in the seed's SQL: the ERD names login, view_signal,
-- execute_trade and add_watchlist, but the application logs more kinds (e.g.
-- review_suggestion), and an audit log must never reject an event.
CREATE TABLE user_activities (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    activity_type VARCHAR(50) NOT NULL,
    activity_data TEXT DEFAULT '{}' CHECK (json_valid(activity_data)),
    ip_address TEXT,
    user_agent TEXT,
    activity_time TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    notification_type VARCHAR(20) NOT NULL CHECK (notification_type IN ('signal', 'alert', 'system', 'educational')),
    title VARCHAR(200) NOT NULL,
    message TEXT NOT NULL,
    data TEXT DEFAULT '{}' CHECK (json_valid(data)),
    status VARCHAR(20) DEFAULT 'unread' CHECK (status IN ('unread', 'read', 'dismissed')),
    priority VARCHAR(20) DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    scheduled_for TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at TEXT,
    read_at TEXT,
    expires_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+30 days')),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
;
-- =============================================================================
-- INDEXES (the seed's, same names in both dialects)
-- =============================================================================

-- Layer 1
CREATE INDEX idx_market_regime_time ON market_regime_analysis (analysis_time DESC)
;
CREATE INDEX idx_sentiment_timestamp ON market_sentiment_data (timestamp DESC)
;
CREATE INDEX idx_dominance_timestamp ON dominance_data (timestamp DESC)
;
-- Layer 2
CREATE INDEX idx_sector_perf_sector_time ON sector_performance (sector_id, analysis_time DESC)
;
CREATE INDEX idx_sector_rotation_time ON sector_rotation_analysis (analysis_time DESC)
;
CREATE INDEX idx_crypto_sector_crypto ON crypto_sector_mapping (crypto_id)
;
CREATE INDEX idx_crypto_sector_sector ON crypto_sector_mapping (sector_id)
;
-- Layer 3
CREATE INDEX idx_watchlist_user ON watchlists (user_id, type)
;
CREATE INDEX idx_watchlist_items_watchlist ON watchlist_items (watchlist_id, status)
;
CREATE INDEX idx_watchlist_items_crypto ON watchlist_items (crypto_id)
;
CREATE INDEX idx_ai_suggestions_status ON ai_suggestions (status, suggested_at DESC)
;
CREATE INDEX idx_ai_suggestions_crypto ON ai_suggestions (crypto_id)
;
-- Layer 4
CREATE INDEX idx_signals_crypto_status ON trading_signals (crypto_id, status, generated_at DESC)
;
CREATE INDEX idx_signals_generated ON trading_signals (generated_at DESC)
;
CREATE INDEX idx_signal_executions_user ON signal_executions (user_id, executed_at DESC)
;
CREATE INDEX idx_signal_executions_signal ON signal_executions (signal_id)
;
-- Enhanced predictions
CREATE INDEX idx_predictions_crypto_layer ON predictions_enhanced (crypto_id, layer_source, created_at DESC)
;
CREATE INDEX idx_predictions_user_created ON predictions_enhanced (user_id, created_at DESC)
;
CREATE INDEX idx_predictions_target_time ON predictions_enhanced (target_datetime)
;
CREATE INDEX idx_predictions_realized ON predictions_enhanced (is_realized, is_accurate)
;
-- System
CREATE INDEX idx_ai_models_type_status ON ai_models (model_type, status)
;
CREATE INDEX idx_system_health_time ON system_health (check_time DESC)
;
CREATE INDEX idx_user_activities_user_time ON user_activities (user_id, activity_time DESC)
;
CREATE INDEX idx_notifications_user_status ON notifications (user_id, status, scheduled_for DESC)
;
-- Existing (Phase 1) tables; per-asset price reads use the UNIQUE (crypto_id, timestamp) index.
CREATE INDEX idx_price_data_timestamp_desc ON price_data (timestamp DESC)
;
CREATE INDEX idx_cryptocurrencies_tier ON cryptocurrencies (watchlist_tier, is_active)
;
CREATE INDEX idx_cryptocurrencies_sector ON cryptocurrencies (sector_id, is_active)
;
-- Not in the seed: without it, deleting a suggestion (or a coin) scans every review.
CREATE INDEX idx_suggestion_reviews_suggestion ON suggestion_reviews (suggestion_id)
;
-- =============================================================================
-- TRIGGERS FOR AUTO-UPDATE TIMESTAMPS (the seed's list)
-- An AFTER UPDATE trigger writes updated_at unless the UPDATE itself changed it; with
-- recursive_triggers off (the default) its own UPDATE does not fire it again.
-- =============================================================================

CREATE TRIGGER update_users_updated_at AFTER UPDATE ON users
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE users SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_cryptocurrencies_updated_at AFTER UPDATE ON cryptocurrencies
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE cryptocurrencies SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_crypto_sectors_updated_at AFTER UPDATE ON crypto_sectors
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE crypto_sectors SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_market_regime_updated_at AFTER UPDATE ON market_regime_analysis
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE market_regime_analysis SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_watchlists_updated_at AFTER UPDATE ON watchlists
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE watchlists SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_watchlist_items_updated_at AFTER UPDATE ON watchlist_items
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE watchlist_items SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_crypto_sector_mapping_updated_at AFTER UPDATE ON crypto_sector_mapping
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE crypto_sector_mapping SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_trading_signals_updated_at AFTER UPDATE ON trading_signals
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE trading_signals SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_signal_executions_updated_at AFTER UPDATE ON signal_executions
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE signal_executions SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_risk_management_updated_at AFTER UPDATE ON risk_management
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE risk_management SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_predictions_enhanced_updated_at AFTER UPDATE ON predictions_enhanced
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE predictions_enhanced SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
CREATE TRIGGER update_ai_models_updated_at AFTER UPDATE ON ai_models
    FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE ai_models SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END
;
