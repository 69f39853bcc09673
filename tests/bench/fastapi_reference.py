"""Minimal FastAPI + uvicorn + asyncpg reference for tests/bench/api_http.sh.

The stack the seed document planned, serving two of its endpoints from the same PostgreSQL as
`cryptopredict-cli serve`, with the same JSON and the same queries:
  GET /api/v1/layer4/signals?status&limit&confidence_min  (models/api/signalreader.cpp)
  GET /api/v1/ui/layer-overview                            (models/views/overviewsnapshot.cpp,
                                                            models/views/layeroverview.cpp)
Bearer tokens are checked the plain way: SHA-256 of the token looked up in api_tokens on every
request (what app/api/tokenservice.cpp does on a token's first use). No response cache.

Run: DATABASE_URL=postgresql://... python3 -m uvicorn fastapi_reference:app --workers 2
"""

import datetime
import hashlib
import json
import math
import os

import asyncpg
from fastapi import Depends, FastAPI, Header, HTTPException, Query

app = FastAPI()
pool = None


@app.on_event("startup")
async def startup():
    global pool
    pool = await asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=2, max_size=16)


@app.on_event("shutdown")
async def shutdown():
    await pool.close()


async def principal(authorization: str | None = Header(default=None)):
    if not authorization or not authorization[:7].lower() == "bearer ":
        raise HTTPException(status_code=401, detail="a bearer token is required")
    token_hash = hashlib.sha256(authorization[7:].strip().encode()).hexdigest()
    row = await pool.fetchrow(
        "SELECT t.user_id, u.email, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id"
        " WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()"
        " AND u.is_active",
        token_hash,
    )
    if row is None:
        raise HTTPException(status_code=401, detail="the token is unknown, expired or revoked")
    return row


def iso(value):
    if value is None:
        return None
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def number(value):
    return None if value is None else float(value)


@app.get("/api/v1/layer4/signals")
async def signals(
    status: str = Query("active", regex="^(active|executed|expired|cancelled|all)$"),
    limit: int = Query(20, ge=1),
    confidence_min: float = Query(0.0, ge=0.0, le=1.0),
    user=Depends(principal),
):
    where = "WHERE t.confidence_score >= $1"
    binds = [confidence_min]
    if status == "active":
        where += " AND t.status = 'active' AND t.expires_at > $2"
        binds.append(datetime.datetime.now(datetime.timezone.utc))
    elif status != "all":
        where += " AND t.status = $2"
        binds.append(status)
    binds.append(min(limit, 200))
    rows = await pool.fetch(
        "SELECT t.id, t.crypto_id, c.symbol, t.signal_type, t.entry_price, t.target_price,"
        " t.stop_loss, t.confidence_score, t.risk_level, t.risk_reward_ratio,"
        " t.time_horizon_hours, t.status, t.generated_at, t.expires_at"
        " FROM trading_signals t JOIN cryptocurrencies c ON c.id = t.crypto_id "
        + where
        + " ORDER BY t.generated_at DESC, t.confidence_score DESC, t.id DESC LIMIT $%d" % len(binds),
        *binds,
    )
    return [
        {
            "id": r["id"],
            "crypto_id": r["crypto_id"],
            "symbol": r["symbol"],
            "signal_type": r["signal_type"],
            "entry_price": number(r["entry_price"]),
            "target_price": number(r["target_price"]),
            "stop_loss": number(r["stop_loss"]),
            "confidence_score": number(r["confidence_score"]),
            "risk_level": r["risk_level"],
            "risk_reward_ratio": number(r["risk_reward_ratio"]),
            "time_horizon_hours": r["time_horizon_hours"],
            "status": r["status"],
            "generated_at": iso(r["generated_at"]),
            "expires_at": iso(r["expires_at"]),
        }
        for r in rows
    ]


def lround(x):
    """C's lround: halves away from zero (Python's round() rounds them to even)."""
    return int(math.copysign(math.floor(abs(x) + 0.5), x))


def clamp(x, low, high):
    return max(low, min(high, x))


def dots(confidence):
    return clamp(math.floor(confidence * 5.0 + 1e-9), 0, 5)


def names(text):
    if text is None:
        return []
    value = json.loads(text)
    if not isinstance(value, list):
        return []
    return [v if isinstance(v, str) else v.get("name", "") for v in value if isinstance(v, (str, dict))]


def card(layer, name, status, confidence, key_metric):
    return {
        "layer": layer,
        "name": name,
        "status": status,
        "confidence": lround(confidence * 100.0) / 100.0,
        "key_metric": key_metric,
        "indicator_dots": dots(confidence),
    }


def no_data(layer, name):
    return card(layer, name, "no_data", 0.0, "No data")


@app.get("/api/v1/ui/layer-overview")
async def layer_overview(user=Depends(principal)):
    async with pool.acquire() as db:
        regime = await db.fetchrow(
            "SELECT analysis_time, market_regime, confidence_score, risk_level, trend_strength,"
            " recommended_exposure, regime_drivers FROM market_regime_analysis"
            " ORDER BY analysis_time DESC, id DESC LIMIT 1")
        await db.fetchrow(
            "SELECT timestamp, fear_greed_index, composite_sentiment FROM market_sentiment_data"
            " ORDER BY timestamp DESC, id DESC LIMIT 1")
        await db.fetchrow(
            "SELECT timestamp, btc_dominance, eth_dominance, alt_dominance, stablecoin_dominance,"
            " total_market_cap, total_volume FROM dominance_data"
            " ORDER BY timestamp DESC, id DESC LIMIT 1")
        sectors = await db.fetch(
            "SELECT cs.name, sp.performance_24h, sp.performance_7d, sp.momentum_score,"
            " sp.analysis_time FROM sector_performance sp"
            " JOIN crypto_sectors cs ON cs.id = sp.sector_id"
            " WHERE sp.analysis_time = (SELECT MAX(analysis_time) FROM sector_performance)"
            " ORDER BY sp.momentum_score DESC, cs.name")
        rotation = await db.fetchrow(
            "SELECT rotation_probability, leading_sectors, declining_sectors"
            " FROM sector_rotation_analysis ORDER BY analysis_time DESC, id DESC LIMIT 1")
        tiers = await db.fetch(
            "SELECT watchlist_tier, COUNT(*) FROM cryptocurrencies"
            " WHERE is_active = TRUE AND watchlist_tier <> 'none' GROUP BY watchlist_tier")
        suggestions = await db.fetchrow(
            "SELECT COUNT(*), AVG(confidence_score), MAX(suggested_at)"
            " FROM ai_suggestions WHERE status = 'pending'")
        active = await db.fetchrow(
            "SELECT COUNT(*), AVG(confidence_score), MAX(generated_at)"
            " FROM trading_signals WHERE status = 'active'")

    cards = []
    if regime is None:
        cards.append(no_data(1, "Macro"))
    else:
        kind = regime["market_regime"]
        confidence = clamp(float(regime["confidence_score"] or 0.0), 0.0, 1.0)
        status = {"bull": "bullish", "bear": "bearish"}.get(kind, kind)
        cards.append(card(1, "Macro", status, confidence,
                          "%s %d%%" % (kind[:1].upper() + kind[1:], lround(confidence * 100.0))))

    probability = None if rotation is None else number(rotation["rotation_probability"])
    if not sectors and probability is None:
        cards.append(no_data(2, "Sectors"))
    else:
        p = clamp(probability or 0.0, 0.0, 1.0)
        rotating = p >= 0.5
        lead = None
        for name in names(rotation["leading_sectors"]) if rotation is not None else []:
            lead = next((s for s in sectors if s["name"] == name), None)
            if lead is not None:
                break
        if lead is None and sectors:
            lead = sectors[0]
            for s in sectors:
                if float(s["momentum_score"] or 0.0) > float(lead["momentum_score"] or 0.0):
                    lead = s
        if lead is None:
            metric = "No sectors"
        else:
            whole = lround(float(lead["performance_7d"] or 0.0))
            metric = "%s%s%d%%" % (lead["name"], "+" if whole >= 0 else "", whole)
        cards.append(card(2, "Sectors", "rotating" if rotating else "stable",
                          p if rotating else 1.0 - p, metric))

    tier1 = sum(r[1] for r in tiers if r[0] == "tier1")
    tier2 = sum(r[1] for r in tiers if r[0] != "tier1")
    tiered = tier1 + tier2
    pending = suggestions[0]
    if tiered == 0 and pending == 0:
        cards.append(no_data(3, "Assets"))
    else:
        confidence = clamp(float(suggestions[1] or 0.0), 0.0, 1.0) if pending > 0 else 0.0
        cards.append(card(3, "Assets", "active" if tiered > 0 else "awaiting_review", confidence,
                          "%d Active" % tiered if tiered > 0 else "%d Pending" % pending))

    signals_active = active[0]
    if signals_active == 0 and regime is None:
        cards.append(no_data(4, "Timing"))
    else:
        confidence = clamp(float(active[1] or 0.0), 0.0, 1.0) if signals_active > 0 else 0.0
        cards.append(card(4, "Timing", "signals_ready" if signals_active > 0 else "waiting",
                          confidence, "%d Signals" % signals_active))
    return cards
