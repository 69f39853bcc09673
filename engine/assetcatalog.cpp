#include "assetcatalog.h"

#include "random.h"
#include "simulator.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace cp::engine {

namespace {

enum SectorIndex {
    DeFi,
    Layer1,
    Layer2,
    Gaming,
    NFT,
    Infrastructure,
    Meme,
    Payments,
    Privacy,
    Stablecoins
};

// Daily figures, loosely calibrated on 2021-2024 history: Layer1 and payment coins move with
// the market, small caps add their own noise and jumps, meme coins do all of that twice over.
constexpr SectorModel sectorModels[] = {
    // name, factorVol, betaMarket, idioVol, jumpRate, jumpVol, turnover
    {"DeFi", 0.020, 1.20, 0.030, 0.020, 0.06, 0.08},
    {"Layer1", 0.012, 1.00, 0.020, 0.010, 0.05, 0.04},
    {"Layer2", 0.020, 1.25, 0.030, 0.020, 0.06, 0.08},
    {"Gaming", 0.025, 1.30, 0.035, 0.020, 0.07, 0.08},
    {"NFT", 0.028, 1.30, 0.040, 0.025, 0.08, 0.08},
    {"Infrastructure", 0.018, 1.10, 0.025, 0.015, 0.05, 0.06},
    {"Meme", 0.045, 1.50, 0.060, 0.040, 0.12, 0.15},
    {"Payments", 0.012, 0.90, 0.020, 0.010, 0.04, 0.04},
    {"Privacy", 0.018, 0.90, 0.030, 0.015, 0.05, 0.05},
    {"Stablecoins", 0.0, 0.0, 0.0, 0.0, 0.0, 0.25},
};
static_assert(std::size(sectorModels) == AssetCatalog::sectorCount);
static_assert(AssetCatalog::stablecoinSector == Stablecoins);

/** A real-world asset: supplies as of 2023-24, a plausible price; 0 = use the default. */
struct NamedAsset
{
    const char *symbol;
    const char *name;
    SectorIndex sector;
    double price;
    double circulatingSupply;
    double totalSupply;
    double maxSupply; // 0 = uncapped
    double betaMarket = 0.0;
    double idioVol = 0.0;
    double turnover = 0.0;
};

// Roughly in market-cap order, so caps rank as they do in reality (BTC first by far).
constexpr NamedAsset namedAssets[] = {
    {"BTC", "Bitcoin", Layer1, 30000.0, 19.7e6, 19.7e6, 21e6, 1.0, 0.006, 0.03},
    {"ETH", "Ethereum", Layer1, 2000.0, 120.2e6, 120.2e6, 0.0, 1.1, 0.012, 0.05},
    {"USDT", "Tether", Stablecoins, 1.0, 95e9, 97e9, 0.0, 0.0, 0.0, 0.45},
    {"USDC", "USD Coin", Stablecoins, 1.0, 26e9, 26e9, 0.0, 0.0, 0.0, 0.20},
    {"BNB", "BNB", Layer1, 300.0, 153e6, 153e6, 200e6},
    {"XRP", "XRP", Payments, 0.55, 53e9, 99.99e9, 100e9},
    {"SOL", "Solana", Layer1, 60.0, 430e6, 560e6, 0.0, 1.3},
    {"ADA", "Cardano", Layer1, 0.40, 35e9, 36e9, 45e9},
    {"DOGE", "Dogecoin", Meme, 0.08, 142e9, 142e9, 0.0, 1.3, 0.04},
    {"TRX", "TRON", Layer1, 0.10, 88e9, 88e9, 0.0},
    {"TON", "Toncoin", Layer1, 2.2, 3.4e9, 5.1e9, 0.0},
    {"AVAX", "Avalanche", Layer1, 20.0, 360e6, 435e6, 720e6},
    {"SHIB", "Shiba Inu", Meme, 0.00001, 589e12, 589e12, 0.0},
    {"DOT", "Polkadot", Layer1, 5.5, 1.3e9, 1.4e9, 0.0},
    {"LINK", "Chainlink", Infrastructure, 7.0, 550e6, 1e9, 1e9},
    {"MATIC", "Polygon", Layer2, 0.8, 9.3e9, 10e9, 10e9},
    {"LTC", "Litecoin", Payments, 70.0, 73e6, 84e6, 84e6},
    {"BCH", "Bitcoin Cash", Payments, 230.0, 19.6e6, 19.6e6, 21e6},
    {"UNI", "Uniswap", DeFi, 6.0, 750e6, 1e9, 1e9},
    {"XLM", "Stellar", Payments, 0.11, 27e9, 50e9, 50e9},
    {"ATOM", "Cosmos", Infrastructure, 9.0, 350e6, 390e6, 0.0},
    {"XMR", "Monero", Privacy, 150.0, 18.3e6, 18.3e6, 0.0},
    {"DAI", "Dai", Stablecoins, 1.0, 5e9, 5e9, 0.0, 0.0, 0.0, 0.08},
    {"ARB", "Arbitrum", Layer2, 1.1, 1.3e9, 10e9, 10e9},
    {"OP", "Optimism", Layer2, 1.5, 900e6, 4.29e9, 4.29e9},
    {"NEAR", "NEAR Protocol", Layer1, 1.8, 1e9, 1.15e9, 0.0},
    {"FIL", "Filecoin", Infrastructure, 4.0, 450e6, 1.96e9, 1.96e9},
    {"IMX", "Immutable", Layer2, 0.8, 1.2e9, 2e9, 2e9},
    {"AAVE", "Aave", DeFi, 70.0, 14.5e6, 16e6, 16e6},
    {"MKR", "Maker", DeFi, 1200.0, 0.9e6, 0.977e6, 1.005577e6},
    {"GRT", "The Graph", Infrastructure, 0.12, 9.2e9, 10.7e9, 0.0},
    {"LDO", "Lido DAO", DeFi, 2.0, 890e6, 1e9, 1e9},
    {"RNDR", "Render", Infrastructure, 2.5, 370e6, 530e6, 530e6},
    {"ALGO", "Algorand", Payments, 0.15, 8e9, 8e9, 10e9},
    {"SAND", "The Sandbox", Gaming, 0.45, 2e9, 3e9, 3e9},
    {"MANA", "Decentraland", Gaming, 0.40, 1.9e9, 2.19e9, 2.19e9},
    {"AXS", "Axie Infinity", Gaming, 7.0, 130e6, 270e6, 270e6},
    {"APE", "ApeCoin", NFT, 2.0, 370e6, 1e9, 1e9},
    {"PEPE", "Pepe", Meme, 0.0000012, 420.69e12, 420.69e12, 420.69e12},
    {"FLOKI", "FLOKI", Meme, 0.00003, 9.6e12, 10e12, 10e12},
    {"GALA", "Gala", Gaming, 0.02, 25e9, 35e9, 50e9},
    {"CRV", "Curve DAO Token", DeFi, 0.6, 0.9e9, 2.2e9, 3.03e9},
    {"ZEC", "Zcash", Privacy, 28.0, 16.3e6, 16.3e6, 21e6},
    {"DASH", "Dash", Privacy, 30.0, 11.4e6, 11.4e6, 18.9e6},
    {"BLUR", "Blur", NFT, 0.4, 1.2e9, 3e9, 3e9},
    {"FLOW", "Flow", NFT, 0.6, 1.04e9, 1.44e9, 0.0},
    {"ENJ", "Enjin Coin", NFT, 0.3, 1e9, 1e9, 1e9},
    {"COMP", "Compound", DeFi, 50.0, 8e6, 10e6, 10e6},
    {"SNX", "Synthetix", DeFi, 2.5, 320e6, 330e6, 0.0},
    {"BONK", "Bonk", Meme, 0.00001, 60e12, 93e12, 93e12},
    {"STRK", "Starknet", Layer2, 1.2, 1e9, 10e9, 10e9},
    {"MNT", "Mantle", Layer2, 0.5, 3.2e9, 6.2e9, 6.2e9},
    {"ROSE", "Oasis Network", Privacy, 0.06, 6.7e9, 10e9, 10e9},
    {"WIF", "dogwifhat", Meme, 2.0, 1e9, 1e9, 1e9},
    {"MAGIC", "Treasure", Gaming, 0.5, 250e6, 347.7e6, 347.7e6},
    {"SCRT", "Secret", Privacy, 0.4, 290e6, 290e6, 0.0},
};

// Generated assets cycle through the volatile sectors; one in twenty is a small stablecoin.
constexpr SectorIndex generatedSectors[] = {DeFi,           Layer1, Layer2,   Gaming, NFT,
                                            Infrastructure, Meme,   Payments, Privacy};

// Separate from the simulator's streams (1..4) so the facts never share numbers with a path.
constexpr quint64 factsStream = 5;

void applySectorDefaults(const SectorModel &sector, AssetModel &model)
{
    model.betaMarket = sector.betaMarket;
    model.idioVol = sector.idioVol;
    model.jumpRate = sector.jumpRate;
    model.jumpVol = sector.jumpVol;
    model.turnover = sector.turnover;
}

void makePegged(Random &rng, AssetModel &model)
{
    model.pegged = true;
    model.startPrice = 1.0;
    model.betaMarket = 0.0;
    model.betaSector = 0.0;
    model.pegVol = 0.0007 * std::exp(0.2 * rng.normal());
    model.pegHalfLife = 0.25;
}

// Draws the per-asset character: no two Layer1 coins have exactly the same beta or noise.
void jitter(Random &rng, int index, AssetModel &model, double idioSpread)
{
    const double betaNoise = std::exp(0.10 * rng.normal());
    const double sectorNoise = std::exp(0.10 * rng.normal());
    const double idioNoise = std::exp(idioSpread * rng.normal());
    const double driftNoise = 0.0003 * rng.normal();
    if (index == 0) // Bitcoin is the market's reference: beta exactly 1, no extra drift.
        return;
    model.betaMarket *= betaNoise;
    model.betaSector = sectorNoise;
    model.idioVol *= idioNoise;
    model.drift = driftNoise;
}

void describeNamed(Random &rng, int index, SimulatedAsset &asset, AssetModel &model)
{
    const NamedAsset &named = namedAssets[index];
    const SectorModel &sector = sectorModels[named.sector];
    asset.symbol = QString::fromLatin1(named.symbol);
    asset.name = QString::fromLatin1(named.name);
    asset.sector = QString::fromLatin1(sector.name);
    asset.circulatingSupply = named.circulatingSupply;
    asset.totalSupply = named.totalSupply;
    asset.maxSupply = named.maxSupply;
    asset.isStablecoin = named.sector == Stablecoins;

    model.sector = named.sector;
    model.startPrice = named.price;
    applySectorDefaults(sector, model);
    if (named.betaMarket > 0.0)
        model.betaMarket = named.betaMarket;
    if (named.idioVol > 0.0)
        model.idioVol = named.idioVol;
    if (named.turnover > 0.0)
        model.turnover = named.turnover;
    if (asset.isStablecoin)
        makePegged(rng, model);
    else
        jitter(rng, index, model, 0.15);
}

void describeGenerated(Random &rng, int index, SimulatedAsset &asset, AssetModel &model)
{
    const int ordinal = index - int(std::size(namedAssets));
    const bool stable = ordinal % 20 == 19;
    const SectorIndex sectorIndex =
        stable ? Stablecoins : generatedSectors[ordinal % int(std::size(generatedSectors))];
    const SectorModel &sector = sectorModels[sectorIndex];
    asset.symbol = QStringLiteral("SIM") + QString::number(index);
    asset.name = QStringLiteral("Simulated Asset ") + QString::number(index);
    asset.sector = QString::fromLatin1(sector.name);
    asset.isStablecoin = stable;

    model.sector = sectorIndex;
    applySectorDefaults(sector, model);
    // Small caps: below every named asset of note, log-uniform so a few are mid-sized.
    const double marketCap = std::exp(rng.uniform(std::log(5e6), std::log(2e9)));
    if (stable) {
        makePegged(rng, model);
        asset.circulatingSupply = std::round(marketCap);
        asset.totalSupply = asset.circulatingSupply;
        asset.maxSupply = 0.0;
        return;
    }
    model.startPrice = std::exp(rng.uniform(std::log(1e-4), std::log(50.0)));
    asset.circulatingSupply = std::round(marketCap / model.startPrice);
    asset.totalSupply = std::round(asset.circulatingSupply * rng.uniform(1.0, 1.5));
    asset.maxSupply =
        rng.uniform() < 0.5 ? std::round(asset.totalSupply * rng.uniform(1.0, 2.0)) : 0.0;
    // Smaller caps are noisier than named coins of the same sector.
    jitter(rng, index, model, 0.25);
    model.idioVol *= 1.2;
}

} // namespace

const SectorModel &AssetCatalog::sector(int index)
{
    return sectorModels[std::clamp(index, 0, sectorCount - 1)];
}

int AssetCatalog::namedCount()
{
    return int(std::size(namedAssets));
}

void AssetCatalog::describe(quint64 seed, int index, SimulatedAsset &asset, AssetModel &model)
{
    Random rng = Random::forStream(seed, factsStream, quint64(index));
    asset = SimulatedAsset{};
    asset.index = index;
    model = AssetModel{};
    if (index < namedCount())
        describeNamed(rng, index, asset, model);
    else
        describeGenerated(rng, index, asset, model);
}

} // namespace cp::engine
