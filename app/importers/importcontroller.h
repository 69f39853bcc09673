#pragma once

#include "priceimporter.h"

#include <models/databaseurl.h>

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace cp::app::importers {

/**
 * Runs an import for the desktop: PriceImporter on a worker thread with a connection of its
 * own, progress through queued signals, cancellable (the database is then left as it was).
 */
class ImportController : public QObject
{
    Q_OBJECT

public:
    explicit ImportController(models::DatabaseUrl url, QObject *parent = nullptr);
    ~ImportController() override;

    bool isRunning() const { return m_running; }
    //! False (and nothing started) while an import is in progress.
    bool start(const ImportRequest &request);
    void cancel();

Q_SIGNALS:
    void progressChanged(int percent);
    void finished(const cp::app::importers::ImportReport &report);
    void failed(const QString &message);
    void runningChanged(bool running);

private:
    models::DatabaseUrl m_url;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
};

} // namespace cp::app::importers

Q_DECLARE_METATYPE(cp::app::importers::ImportReport)
