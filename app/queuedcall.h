#pragma once

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

namespace cp::app {

/**
 * Calls `function(target)` on the main thread through its event loop, if `target` still exists
 * then: how workers hand results back to a QObject that may be destroyed meanwhile. Every target
 * lives on the main thread (dialogs, controllers, the live feed).
 *
 * The call is posted to the application object rather than to `target`: the main thread may
 * delete `target` between the worker reading the pointer and posting, and posting to a destroyed
 * object reads freed memory. The guard is checked when the call runs, on the target's own thread.
 */
template<typename T, typename Function>
void callQueued(const QPointer<T> &target, Function function)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [target, function] {
            if (!target)
                return;
            Q_ASSERT(target->thread() == QThread::currentThread());
            function(target.data());
        },
        Qt::QueuedConnection);
}

} // namespace cp::app
