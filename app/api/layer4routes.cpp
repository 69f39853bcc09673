#include "apirouter.h"
#include "routes.h"

namespace cp::app::api {

void addLayer4Routes(ApiRouter &router)
{
    Q_UNUSED(router);
}

} // namespace cp::app::api
