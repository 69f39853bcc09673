#pragma once

namespace cp::app::api {

class ApiRouter;

// Each group of the seed's endpoints registers its routes; one .cpp per group.

//! GET health, GET openapi.json, POST auth/login, POST auth/logout.
void addSystemRoutes(ApiRouter &router);
//! layer1: market-regime, sentiment, dominance, history, regime-forecast.
void addLayer1Routes(ApiRouter &router);
//! layer2: sectors, sectors/{id}, rotation, sectors/{id}/history, compare.
void addLayer2Routes(ApiRouter &router);
//! layer3: watchlists, items, suggestions, reviews, bulk actions, asset analysis.
void addLayer3Routes(ApiRouter &router);
//! layer4: signals, executions, performance.
void addLayer4Routes(ApiRouter &router);
//! assets/{id}/prices: an asset's candles.
void addAssetRoutes(ApiRouter &router);
//! predictions and their analytics.
void addPredictionRoutes(ApiRouter &router);
//! admin: system health, AI models, activities, suggestion queue, config.
void addAdminRoutes(ApiRouter &router);
//! ui: dashboard, layer overview, mobile cards, notifications.
void addUiRoutes(ApiRouter &router);
//! ws/...: the WebSocket channels (documented here, served by WebSocketHub).
void addWebSocketRoutes(ApiRouter &router);

//! Every group above, in the order the OpenAPI document lists them.
void addAllRoutes(ApiRouter &router);

} // namespace cp::app::api
