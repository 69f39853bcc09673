#pragma once

#include <QStringList>

namespace cp::app::cli {

//! Runs cryptopredict-cli with the process arguments (program name first); returns the exit code.
int run(const QStringList &arguments);

} // namespace cp::app::cli
