#include "executesignaldialog.h"

#include <ui/theme.h>

#include <models/changebus.h>
#include <models/views/valueformat.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSqlDatabase>
#include <QVBoxLayout>

#include <algorithm>

namespace cp::ui {

using models::views::displayLabel;
using models::views::formatPrice;

ExecuteSignalDialog::ExecuteSignalDialog(const QString &connectionName, const UserSession &session,
                                         const SignalTicket &ticket, QWidget *parent)
    : QDialog(parent)
    , m_connectionName(connectionName)
    , m_session(session)
    , m_ticket(ticket)
{
    setObjectName(QStringLiteral("executeSignalDialog"));
    setWindowTitle(tr("Execute %1 %2").arg(displayLabel(ticket.signalType), ticket.symbol));
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const Result<models::RiskLimits> limits =
        models::SignalExecutionService(db).limitsFor(session.userId);
    if (limits)
        m_limits = *limits;

    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(
        tr("<b>%1 %2</b><br>Entry %3, target %4, stop %5<br>"
           "Your limits: position up to %6, at most %7% of the portfolio "
           "lost at the stop.")
            .arg(displayLabel(ticket.signalType), ticket.symbol, formatPrice(ticket.entry),
                 formatPrice(ticket.target), formatPrice(ticket.stop),
                 QLocale().toString(m_limits.maxPositionSize, 'f', 2),
                 QLocale().toString(m_limits.maxPortfolioRisk * 100, 'f', 2)));
    summary->setWordWrap(true);
    layout->addWidget(summary);

    auto *form = new QFormLayout;
    m_positionSize = new QDoubleSpinBox;
    m_positionSize->setObjectName(QStringLiteral("positionSize"));
    // The range goes beyond the limit on purpose: the service, not the widget, decides.
    m_positionSize->setRange(0.0, 1e12);
    m_positionSize->setDecimals(2);
    m_positionSize->setValue(m_limits.maxPositionSize);
    m_portfolioPercentage = new QDoubleSpinBox;
    m_portfolioPercentage->setObjectName(QStringLiteral("portfolioPercentage"));
    m_portfolioPercentage->setRange(0.0, 100.0);
    m_portfolioPercentage->setDecimals(2);
    m_portfolioPercentage->setSuffix(QLocale().percent());
    m_portfolioPercentage->setValue(m_limits.maxPortfolioPercentage(ticket.entry, ticket.stop));
    form->addRow(tr("Position &size:"), m_positionSize);
    form->addRow(tr("&Portfolio share:"), m_portfolioPercentage);
    layout->addLayout(form);

    m_risk = new QLabel;
    m_risk->setObjectName(QStringLiteral("riskSummary"));
    m_risk->setWordWrap(true);
    m_confirm = new QCheckBox(tr("I understand the risk of this position"));
    m_confirm->setObjectName(QStringLiteral("riskConfirmed"));
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("executeError"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Execute"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("executeConfirmButton"));
    layout->addWidget(m_risk);
    layout->addWidget(m_confirm);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_positionSize, &QDoubleSpinBox::valueChanged, this, &ExecuteSignalDialog::updateRisk);
    connect(m_portfolioPercentage, &QDoubleSpinBox::valueChanged, this,
            &ExecuteSignalDialog::updateRisk);
    connect(m_confirm, &QCheckBox::toggled, this, &ExecuteSignalDialog::updateRisk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        // Through a peer the answer comes later; the dialog closes itself then.
        if (submit().isEmpty() && !m_actions)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateRisk();
}

void ExecuteSignalDialog::updateRisk()
{
    const double risk = models::RiskLimits::portfolioRisk(m_portfolioPercentage->value(),
                                                          m_ticket.entry, m_ticket.stop);
    const bool over = risk > m_limits.maxPortfolioRisk + 1e-12 ||
                      m_positionSize->value() > m_limits.maxPositionSize + 1e-9;
    m_risk->setText(tr("If the stop is hit this position loses %1% of the portfolio (limit %2%).")
                        .arg(QLocale().toString(risk * 100.0, 'f', 2),
                             QLocale().toString(m_limits.maxPortfolioRisk * 100.0, 'f', 2)));
    const ThemeColors &colors = Theme::instance().colors();
    m_risk->setStyleSheet(
        QStringLiteral("color: %1;").arg((over ? colors.negative : colors.text).name()));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_confirm->isChecked());
}

QString ExecuteSignalDialog::submit()
{
    models::ExecutionRequest request;
    request.signalId = m_ticket.signalId;
    request.userId = m_session.userId;
    request.positionSize = m_positionSize->value();
    request.portfolioPercentage = m_portfolioPercentage->value();
    request.riskConfirmed = m_confirm->isChecked();
    if (m_actions) {
        submitThroughActions(request);
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    models::SignalExecutionService service(db);
    const Result<int> id = service.execute(request);
    if (!id) {
        m_error->setStyleSheet(
            QStringLiteral("color: %1;").arg(Theme::instance().colors().negative.name()));
        m_error->setText(id.error());
        m_error->show();
        return id.error();
    }
    m_executionId = *id;
    models::ChangeBus::instance().publish(db, service.changes());
    return {};
}

void ExecuteSignalDialog::showError(const QString &message)
{
    m_error->setStyleSheet(
        QStringLiteral("color: %1;").arg(Theme::instance().colors().negative.name()));
    m_error->setText(message);
    m_error->show();
}

void ExecuteSignalDialog::submitThroughActions(const models::ExecutionRequest &request)
{
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    QPointer<ExecuteSignalDialog> self(this);
    m_actions->execute(request, [self, ok](const QString &error) {
        if (!self)
            return;
        ok->setEnabled(self->m_confirm->isChecked());
        if (!error.isEmpty()) {
            self->showError(error);
            return;
        }
        self->accept();
    });
}

} // namespace cp::ui
