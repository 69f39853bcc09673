#include "apirouter.h"
#include "handlerutil.h"
#include "requestcontext.h"
#include "routes.h"

#include <models/api/sectorreader.h>

namespace cp::app::api {

namespace {

using models::SectorReader;

const QStringList kSectorTables{QStringLiteral("crypto_sectors"),
                                QStringLiteral("sector_performance"),
                                QStringLiteral("sector_rotation_analysis")};

ApiResponse sectors(RequestContext &context)
{
    return HandlerUtil::array(SectorReader(context.db()).sectors());
}

ApiResponse sector(RequestContext &context)
{
    const int id = context.pathId(QStringLiteral("sector_id"));
    const auto row = SectorReader(context.db()).sector(id);
    if (row && !row->has_value())
        return ApiResponse::notFound(QStringLiteral("There is no sector %1.").arg(id));
    return HandlerUtil::rowOr404(row, {});
}

ApiResponse rotation(RequestContext &context)
{
    return HandlerUtil::rowOr404(SectorReader(context.db()).rotation(),
                                 QStringLiteral("No sector rotation analysis yet; run the analysis "
                                                "first."));
}

ApiResponse sectorHistory(RequestContext &context)
{
    const int id = context.pathId(QStringLiteral("sector_id"));
    const auto row =
        SectorReader(context.db()).history(id, int(context.queryInt(QStringLiteral("days"))));
    if (row && !row->has_value())
        return ApiResponse::notFound(QStringLiteral("There is no sector %1.").arg(id));
    return HandlerUtil::rowOr404(row, {});
}

ApiResponse compare(RequestContext &context)
{
    QList<int> ids;
    for (const QVariant &id : context.query(QStringLiteral("sectors")).toList()) {
        if (!ids.contains(id.toInt()))
            ids.append(id.toInt());
    }
    int missing = 0;
    const auto result = SectorReader(context.db())
                            .compare(ids, context.queryText(QStringLiteral("timeframe")), &missing);
    if (result && !result->has_value())
        return ApiResponse::notFound(QStringLiteral("There is no active sector %1.").arg(missing));
    return HandlerUtil::rowOr404(result, {});
}

} // namespace

void addLayer2Routes(ApiRouter &router)
{
    const QString tag = QStringLiteral("layer2");
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer2/sectors"),
                .tag = tag,
                .summary = QStringLiteral("Active sectors with their newest performance, strongest "
                                          "momentum first."),
                .cacheTables = kSectorTables,
                .handler = sectors});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer2/sectors/{sector_id}"),
                .tag = tag,
                .summary = QStringLiteral("One sector: size, top performers, metrics, members."),
                .cacheTables = kSectorTables + QStringList{QStringLiteral("cryptocurrencies"),
                                                           QStringLiteral("crypto_sector_mapping")},
                .handler = sector});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer2/rotation"),
                .tag = tag,
                .summary = QStringLiteral("The newest sector rotation analysis."),
                .cacheTables = {QStringLiteral("sector_rotation_analysis")},
                .handler = rotation});
    router.add({.method = QStringLiteral("GET"),
                .pattern = QStringLiteral("/api/v1/layer2/sectors/{sector_id}/history"),
                .tag = tag,
                .summary = QStringLiteral("A sector's performance over the last days of analyses."),
                .query = {{.name = QStringLiteral("days"),
                           .type = ParamType::Integer,
                           .minimum = 1,
                           .maximum = 365,
                           .defaultValue = 30}},
                .cacheTables = kSectorTables,
                .handler = sectorHistory});
    router.add(
        {.method = QStringLiteral("GET"),
         .pattern = QStringLiteral("/api/v1/layer2/compare"),
         .tag = tag,
         .summary = QStringLiteral("Sectors side by side over one timeframe."),
         .query = {{.name = QStringLiteral("sectors"),
                    .type = ParamType::IntegerList,
                    .description = QStringLiteral("Sector ids, e.g. 1,2,3."),
                    .required = true,
                    .minimum = 1,
                    .maxLength = 20},
                   {.name = QStringLiteral("timeframe"),
                    .type = ParamType::String,
                    .choices = {QStringLiteral("24h"), QStringLiteral("7d"), QStringLiteral("30d")},
                    .defaultValue = QStringLiteral("7d")}},
         .cacheTables = kSectorTables,
         .handler = compare});
}

} // namespace cp::app::api
