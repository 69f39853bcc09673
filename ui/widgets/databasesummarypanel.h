#pragma once

#include <models/databasesummary.h>

#include <QFrame>

class QLabel;

namespace cp::ui {

/** What the open database holds, in a few labelled numbers (schema, assets, rows, newest price). */
class DatabaseSummaryPanel : public QFrame
{
    Q_OBJECT

public:
    explicit DatabaseSummaryPanel(QWidget *parent = nullptr);

    void setLocation(const QString &where);
    void setConnecting();
    void setFailed(const QString &error);
    void setSummary(const models::DatabaseSummary &summary);

private:
    QLabel *m_connectionState = nullptr;
    QLabel *m_databaseLocation = nullptr;
    QLabel *m_schemaVersion = nullptr;
    QLabel *m_assets = nullptr;
    QLabel *m_priceRows = nullptr;
    QLabel *m_latestPrice = nullptr;
};

} // namespace cp::ui
