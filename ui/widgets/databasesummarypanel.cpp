#include "databasesummarypanel.h"

#include <models/views/valueformat.h>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace cp::ui {

namespace {

QLabel *makeValueLabel(const QString &objectName)
{
    auto *label = new QLabel(QStringLiteral("-"));
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DatabaseSummaryPanel::DatabaseSummaryPanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("databaseSummary"));
    setProperty("card", true);
    m_connectionState = makeValueLabel(QStringLiteral("connectionState"));
    m_databaseLocation = makeValueLabel(QStringLiteral("databaseLocation"));
    m_schemaVersion = makeValueLabel(QStringLiteral("schemaVersion"));
    m_assets = makeValueLabel(QStringLiteral("assetCount"));
    m_priceRows = makeValueLabel(QStringLiteral("priceRowCount"));
    m_latestPrice = makeValueLabel(QStringLiteral("latestPrice"));
    // Two columns of facts keep the panel short under the charts.
    auto *row = new QHBoxLayout(this);
    auto *left = new QFormLayout;
    left->addRow(tr("Database:"), m_databaseLocation);
    left->addRow(tr("State:"), m_connectionState);
    left->addRow(tr("Schema version:"), m_schemaVersion);
    auto *right = new QFormLayout;
    right->addRow(tr("Assets:"), m_assets);
    right->addRow(tr("Price rows:"), m_priceRows);
    right->addRow(tr("Latest price:"), m_latestPrice);
    row->addLayout(left, 1);
    row->addLayout(right, 1);
}

void DatabaseSummaryPanel::setLocation(const QString &where)
{
    m_databaseLocation->setText(where);
}

void DatabaseSummaryPanel::setConnecting()
{
    m_connectionState->setText(tr("Connecting..."));
}

void DatabaseSummaryPanel::setFailed(const QString &error)
{
    m_connectionState->setText(tr("Not connected: %1").arg(error));
}

void DatabaseSummaryPanel::setSummary(const models::DatabaseSummary &summary)
{
    const QLocale locale;
    m_connectionState->setText(tr("Connected"));
    m_schemaVersion->setText(locale.toString(summary.schemaVersion));
    m_assets->setText(
        summary.hasSimulatedData()
            ? tr("%1 (%2 simulated)")
                  .arg(locale.toString(summary.assets), locale.toString(summary.simulatedAssets))
            : locale.toString(summary.assets));
    m_priceRows->setText(locale.toString(summary.priceRows));
    m_latestPrice->setText(summary.latestPrice.isValid()
                               ? models::views::formatDateTime(summary.latestPrice, locale)
                               : tr("none yet"));
}

} // namespace cp::ui
