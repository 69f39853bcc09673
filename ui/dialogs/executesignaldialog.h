#pragma once

#include <ui/usersession.h>

#include <app/peer/viewactions.h>
#include <models/signalexecutionservice.h>

#include <QDialog>

#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;

namespace cp::ui {

/** The signal a dialog executes, as the signals page shows it. */
struct SignalTicket
{
    int signalId = 0;
    QString symbol;
    QString signalType;
    double entry = 0.0;
    double target = 0.0;
    double stop = 0.0;
};

/**
 * Executes a trading signal: proposes a position within the user's risk_management limits
 * (maximum position size, maximum portfolio risk at the stop), shows the risk as it is edited,
 * asks to confirm it, and submits through SignalExecutionService, which refuses whatever breaks
 * the limits; the refusal is shown in the dialog.
 */
class ExecuteSignalDialog : public QDialog
{
    Q_OBJECT

public:
    ExecuteSignalDialog(const QString &connectionName, const UserSession &session,
                        const SignalTicket &ticket, QWidget *parent = nullptr);

    //! Sends the execution; the error sentence (also shown), or empty when written.
    QString submit();
    const models::RiskLimits &limits() const { return m_limits; }
    int executionId() const { return m_executionId; }
    //! Peer mode: execute through the peer's API instead of the database.
    void setActions(std::shared_ptr<app::ViewActions> actions) { m_actions = std::move(actions); }

private:
    void updateRisk();
    void showError(const QString &message);
    void submitThroughActions(const models::ExecutionRequest &request);

    QString m_connectionName;
    UserSession m_session;
    SignalTicket m_ticket;
    models::RiskLimits m_limits;
    QDoubleSpinBox *m_positionSize = nullptr;
    QDoubleSpinBox *m_portfolioPercentage = nullptr;
    QLabel *m_risk = nullptr;
    QLabel *m_error = nullptr;
    QCheckBox *m_confirm = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    int m_executionId = 0;
    std::shared_ptr<app::ViewActions> m_actions;
};

} // namespace cp::ui
