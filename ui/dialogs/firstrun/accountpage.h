#pragma once

#include <ui/usersession.h>

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace cp::ui {

class FirstRunWizard;

/**
 * First-run page 2: creates the first admin of a database that has none (SignIn, argon2id),
 * or signs in to one that already has users. The work runs off the GUI thread; "Next" goes on
 * when it succeeded.
 */
class AccountPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit AccountPage(FirstRunWizard *wizard);
    ~AccountPage() override;

    void initializePage() override;
    bool validatePage() override;
    QString messageText() const;

Q_SIGNALS:
    //! The account was created or signed in (ok), or refused (tests wait for it).
    void accountFinished(bool ok);

private:
    void finished(const Result<UserSession> &session);

    FirstRunWizard *m_wizard;
    bool m_busy = false;
    //! The database + e-mail the current session belongs to; "Next" does not redo it.
    QString m_doneFor;
    QString m_pendingFor;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace cp::ui
