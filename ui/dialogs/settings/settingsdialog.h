#pragma once

#include <ui/usersession.h>

#include <app/settings/appsettings.h>
#include <models/databaseurl.h>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace cp::app {
class CredentialStore;
}

namespace cp::ui {

class AdminSettingsSection;

/**
 * Everything users tune, in one dialog over app::AppSettings: language, calendar, theme, the
 * database (password in the keychain, the setup wizard again), market-data providers and their
 * intervals (CoinGecko key in the keychain), serving to peers, and for admins the shared tier
 * limits and confidence thresholds (models::AppConfig in the database). Values are checked
 * before anything is saved; a bad one is named and nothing changes.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    //! `url` is the open database (with its password for this process), for the admin section.
    SettingsDialog(models::DatabaseUrl url, UserSession session, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    //! Checks and saves; accepted() follows when every part (keychain, database) succeeded.
    void save();
    QString messageText() const;
    //! The admin section (null for other roles).
    AdminSettingsSection *adminSection() const { return m_admin; }

Q_SIGNALS:
    //! The new settings were stored (serve-to-peers, market data and others react to this).
    void settingsSaved(const cp::app::AppSettings &settings);
    //! A save attempt ended: ok, or the message shown.
    void saveFinished(bool ok);
    //! The keychain probe answered (tests wait for it).
    void keychainKnown(bool available);

private:
    QWidget *buildGeneral();
    QWidget *buildDatabase();
    QWidget *buildProviders();
    QWidget *buildServe();
    void showSettings(const app::AppSettings &settings);
    app::AppSettings entered() const;
    void showError(const QString &message);
    void partDone(const QString &error);
    void runWizard();

    models::DatabaseUrl m_url;
    UserSession m_session;
    app::AppSettings m_original;
    app::AppSettings m_saving;
    app::CredentialStore *m_credentials = nullptr;
    bool m_keychainAvailable = true;
    int m_pending = 0;
    QStringList m_errors;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_saveButton = nullptr;
    // General
    QComboBox *m_language = nullptr;
    QComboBox *m_calendar = nullptr;
    QComboBox *m_theme = nullptr;
    // Database
    QLineEdit *m_databaseUrl = nullptr;
    QLineEdit *m_databasePassword = nullptr;
    QLabel *m_keychain = nullptr;
    // Market data
    QCheckBox *m_liveEnabled = nullptr;
    QLineEdit *m_coinGeckoUrl = nullptr;
    QLineEdit *m_binanceRestUrl = nullptr;
    QLineEdit *m_binanceStreamUrl = nullptr;
    QLineEdit *m_fearGreedUrl = nullptr;
    QSpinBox *m_coinGeckoRate = nullptr;
    QComboBox *m_coinGeckoPlan = nullptr;
    QSpinBox *m_coinGeckoMarketCount = nullptr;
    QComboBox *m_klineInterval = nullptr;
    QLineEdit *m_binanceSymbols = nullptr;
    QLineEdit *m_coinGeckoKey = nullptr;
    QSpinBox *m_refreshMinutes = nullptr;
    QCheckBox *m_analyzeAfterRefresh = nullptr;
    QSpinBox *m_evaluateMinutes = nullptr;
    // Serve to peers
    QCheckBox *m_serveEnabled = nullptr;
    QLineEdit *m_serveHost = nullptr;
    QSpinBox *m_servePort = nullptr;
    AdminSettingsSection *m_admin = nullptr;
};

} // namespace cp::ui
