#include "apirouter.h"
#include "routes.h"

namespace cp::app::api {

void addPredictionRoutes(ApiRouter &router)
{
    Q_UNUSED(router);
}

} // namespace cp::app::api
