#include "statuspanel.h"

#include <models/views/valueformat.h>

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

namespace cp::ui {

namespace {

QLabel *statusLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setContentsMargins(6, 0, 6, 0);
    return label;
}

} // namespace

StatusPanel::StatusPanel(QStatusBar *bar, QObject *parent)
    : QObject(parent)
{
    m_database = statusLabel(QStringLiteral("statusDatabase"));
    m_user = statusLabel(QStringLiteral("statusUser"));
    m_lastAnalysis = statusLabel(QStringLiteral("statusLastAnalysis"));
    m_connection = statusLabel(QStringLiteral("statusConnection"));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("engineProgress"));
    m_progress->setMaximumWidth(180);
    m_progress->setMaximumHeight(16);
    m_progress->hide();
    m_cancel = new QToolButton;
    m_cancel->setObjectName(QStringLiteral("engineCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel the running analysis"));
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, this, &StatusPanel::engineCancelRequested);
    bar->addWidget(m_database, 1);
    bar->addPermanentWidget(m_user);
    bar->addPermanentWidget(m_lastAnalysis);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_cancel);
    bar->addPermanentWidget(m_connection);
    setLastAnalysis({});
}

void StatusPanel::setDatabase(const QString &where)
{
    m_database->setText(where);
}

void StatusPanel::setUser(const UserSession &session)
{
    m_user->setText(tr("%1 (%2)").arg(session.displayName(),
                                      models::views::displayLabel(models::roleName(session.role))));
}

void StatusPanel::setLastAnalysis(const QDateTime &time)
{
    m_lastAnalysis->setText(time.isValid()
                                ? tr("Last analysis: %1").arg(models::views::formatTimestamp(time))
                                : tr("Last analysis: never"));
}

void StatusPanel::setConnection(const QString &state, const QString &live)
{
    m_connection->setText(state);
    m_connection->setToolTip(live);
}

void StatusPanel::setEngineProgress(int done, int total, const QString &what)
{
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_progress->setFormat(what.isEmpty() ? QStringLiteral("%p%") : what);
    m_progress->show();
    m_cancel->show();
}

void StatusPanel::hideEngineProgress()
{
    m_progress->hide();
    m_cancel->hide();
}

} // namespace cp::ui
