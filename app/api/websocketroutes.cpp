#include "apirouter.h"
#include "routes.h"

namespace cp::app::api {

void addWebSocketRoutes(ApiRouter &router)
{
    Q_UNUSED(router);
}

} // namespace cp::app::api
