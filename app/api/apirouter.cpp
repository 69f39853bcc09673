#include "apirouter.h"

namespace cp::app::api {

namespace {

bool isPlaceholder(const QString &segment)
{
    return segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

bool isDigits(QStringView text)
{
    if (text.isEmpty() || text.size() > 9) // ids are 32-bit
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

/** Matches the path's segments against one route's; fills `params` on success. */
bool segmentsMatch(const Route &route, const QList<QStringView> &path,
                   QMap<QString, QString> &params)
{
    if (route.segments.size() != path.size())
        return false;
    QMap<QString, QString> found;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QString &expected = route.segments[i];
        if (!isPlaceholder(expected)) {
            if (expected != path[i])
                return false;
            continue;
        }
        const QString name = expected.mid(1, expected.size() - 2);
        if (path[i].isEmpty() || (name.endsWith(QLatin1String("id")) && !isDigits(path[i])))
            return false;
        found.insert(name, path[i].toString());
    }
    params = std::move(found);
    return true;
}

} // namespace

void ApiRouter::add(Route route)
{
    route.segments = route.pattern.split(QLatin1Char('/'));
    m_routes.push_back(std::move(route));
}

RouteMatch ApiRouter::match(const QString &method, const QString &path) const
{
    RouteMatch result;
    QString trimmed = path;
    if (trimmed.size() > 1 && trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    const QList<QStringView> segments = QStringView(trimmed).split(QLatin1Char('/'));
    for (const Route &route : m_routes) {
        QMap<QString, QString> params;
        if (!segmentsMatch(route, segments, params))
            continue;
        if (route.method == method) {
            result.route = &route;
            result.params = std::move(params);
            result.allowedMethods.clear();
            return result;
        }
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
    }
    return result;
}

} // namespace cp::app::api
