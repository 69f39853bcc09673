#pragma once

#include <QMetaObject>
#include <QPointer>

namespace cp::app {

/**
 * Calls `function(target)` on `target`'s thread through its event loop, if `target` still
 * exists then: how workers hand results back to a QObject that may be destroyed meanwhile.
 */
template<typename T, typename Function>
void callQueued(const QPointer<T> &target, Function function)
{
    QMetaObject::invokeMethod(
        target.data(),
        [target, function] {
            if (target)
                function(target.data());
        },
        Qt::QueuedConnection);
}

} // namespace cp::app
