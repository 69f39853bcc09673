#pragma once

namespace cp::models {

/**
 * Why a write service refused: lets the REST API choose its status (404, 409, 422, 403) and the
 * desktop its wording, while the sentence itself is the same everywhere.
 */
enum class ServiceError {
    None = 0,
    NotFound,      //!< the row does not exist (404)
    Conflict,      //!< someone else changed it first, e.g. already reviewed (409)
    LimitExceeded, //!< a tier or risk limit would be broken (422)
    Invalid,       //!< a value is out of range or missing (422)
    Forbidden,     //!< the user may not do this (403)
    Database,      //!< the database failed (500)
};

} // namespace cp::models
