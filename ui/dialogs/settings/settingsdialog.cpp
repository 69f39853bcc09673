#include "settingsdialog.h"

#include "adminsettingssection.h"

#include <ui/dialogs/firstrun/firstrunwizard.h>
#include <ui/language.h>
#include <ui/theme.h>

#include <app/settings/credentialstore.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cp::ui {

namespace {

template<typename T>
T *named(T *widget, const char *name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}

QSpinBox *spinBox(const char *name, int minimum, int maximum, const QString &suffix = {})
{
    auto *box = named(new QSpinBox, name);
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(models::DatabaseUrl url, UserSession session, QWidget *parent)
    : QDialog(parent)
    , m_url(std::move(url))
    , m_session(std::move(session))
    , m_original(app::AppSettings::load())
    , m_credentials(new app::CredentialStore(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs = new QTabWidget;
    m_tabs->addTab(buildGeneral(), tr("&General"));
    m_tabs->addTab(buildDatabase(), tr("&Database"));
    m_tabs->addTab(buildProviders(), tr("&Market data"));
    m_tabs->addTab(buildServe(), tr("Serve to &peers"));
    if (m_session.isAdmin()) {
        m_admin = new AdminSettingsSection(m_url);
        m_tabs->addTab(m_admin, tr("&Admin"));
        m_admin->load();
    }
    m_message = named(new QLabel, "settingsMessage");
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("settingsSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    showSettings(m_original);

    m_keychain->setText(tr("Checking the keychain..."));
    m_credentials->probe(this, [this](const app::CredentialResult &result) {
        m_keychainAvailable = !result.keychainMissing();
        m_keychain->setText(m_keychainAvailable
                                ? tr("Passwords and keys are kept in the system keychain.")
                                : result.message);
        Q_EMIT keychainKnown(m_keychainAvailable);
        if (!m_keychainAvailable)
            return;
        m_credentials->read(app::CredentialStore::providerKey(QStringLiteral("coingecko")), this,
                            [this](const app::CredentialResult &key) {
                                if (key.ok())
                                    m_coinGeckoKey->setPlaceholderText(
                                        tr("(stored in the keychain; type to replace, clear "
                                           "to remove)"));
                            });
    });
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::buildGeneral()
{
    auto *page = new QWidget;
    m_language = named(new QComboBox, "settingsLanguage");
    m_language->addItem(tr("System default"), QString());
    for (const QString &code : Language::available())
        m_language->addItem(Language::nativeName(code), code);
    m_calendar = named(new QComboBox, "settingsCalendar");
    m_calendar->addItem(tr("Gregorian"), static_cast<int>(app::CalendarSystem::Gregorian));
    m_calendar->addItem(tr("Persian (Jalali)"), static_cast<int>(app::CalendarSystem::Jalali));
    m_theme = named(new QComboBox, "settingsTheme");
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Language:"), m_language);
    auto *note = named(new QLabel(Language::restartNote()), "settingsLanguageNote");
    note->setWordWrap(true);
    form->addRow(QString(), note);
    form->addRow(tr("&Calendar:"), m_calendar);
    form->addRow(tr("&Theme:"), m_theme);
    return page;
}

QWidget *SettingsDialog::buildDatabase()
{
    auto *page = new QWidget;
    m_databaseUrl = named(new QLineEdit(m_url.displayString()), "settingsDatabaseUrl");
    m_databaseUrl->setReadOnly(true);
    m_databasePassword = named(new QLineEdit, "settingsDatabasePassword");
    m_databasePassword->setEchoMode(QLineEdit::Password);
    m_databasePassword->setPlaceholderText(tr("(unchanged)"));
    const bool postgres = m_url.dialect == models::Dialect::PostgreSQL;
    m_databasePassword->setEnabled(postgres);
    m_keychain = named(new QLabel, "settingsKeychainStatus");
    m_keychain->setWordWrap(true);
    auto *wizard =
        named(new QPushButton(tr("Run the setup &wizard again...")), "settingsRunWizard");
    connect(wizard, &QPushButton::clicked, this, &SettingsDialog::runWizard);
    auto *form = new QFormLayout(page);
    form->addRow(tr("Database:"), m_databaseUrl);
    if (postgres)
        form->addRow(tr("&Password:"), m_databasePassword);
    else
        m_databasePassword->hide();
    form->addRow(QString(), m_keychain);
    form->addRow(QString(), wizard);
    return page;
}

QWidget *SettingsDialog::buildProviders()
{
    auto *page = new QWidget;
    m_liveEnabled = named(new QCheckBox(tr("Fetch &live market data")), "settingsLiveEnabled");
    m_coinGeckoUrl = named(new QLineEdit, "settingsCoinGeckoUrl");
    m_binanceRestUrl = named(new QLineEdit, "settingsBinanceRestUrl");
    m_binanceStreamUrl = named(new QLineEdit, "settingsBinanceStreamUrl");
    m_fearGreedUrl = named(new QLineEdit, "settingsFearGreedUrl");
    m_coinGeckoRate = spinBox("settingsCoinGeckoRate", 0, 100000, tr(" per minute"));
    m_coinGeckoPlan = named(new QComboBox, "settingsCoinGeckoPlan");
    m_coinGeckoPlan->addItem(tr("Public (no key)"), QStringLiteral("public"));
    m_coinGeckoPlan->addItem(tr("Demo key"), QStringLiteral("demo"));
    m_coinGeckoPlan->addItem(tr("Pro key"), QStringLiteral("pro"));
    m_coinGeckoMarketCount = spinBox("settingsCoinGeckoMarketCount", 0, 100000, tr(" coins"));
    m_klineInterval = named(new QComboBox, "settingsBinanceKlineInterval");
    m_klineInterval->addItem(tr("1 hour"), QStringLiteral("1h"));
    m_klineInterval->addItem(tr("1 day"), QStringLiteral("1d"));
    m_binanceSymbols = named(new QLineEdit, "settingsBinanceSymbols");
    m_binanceSymbols->setPlaceholderText(
        tr("BTCUSDT, ETHUSDT (empty: the tier-1 watchlist, for gap fills and the live stream)"));
    m_coinGeckoKey = named(new QLineEdit, "settingsCoinGeckoKey");
    m_coinGeckoKey->setEchoMode(QLineEdit::Password);
    m_coinGeckoKey->setPlaceholderText(tr("(none; the public API needs no key)"));
    m_refreshMinutes = spinBox("settingsRefreshMinutes", 0, 100000, tr(" min"));
    m_refreshMinutes->setSpecialValueText(tr("Off"));
    m_analyzeAfterRefresh =
        named(new QCheckBox(tr("&Analyse after each refresh")), "settingsAnalyzeAfterRefresh");
    m_evaluateMinutes = spinBox("settingsEvaluateMinutes", 0, 100000, tr(" min"));
    auto *form = new QFormLayout(page);
    form->addRow(QString(), m_liveEnabled);
    form->addRow(tr("CoinGecko address:"), m_coinGeckoUrl);
    form->addRow(tr("CoinGecko API &key:"), m_coinGeckoKey);
    form->addRow(tr("CoinGecko p&lan:"), m_coinGeckoPlan);
    form->addRow(tr("CoinGecko &requests:"), m_coinGeckoRate);
    form->addRow(tr("CoinGecko coi&ns kept current:"), m_coinGeckoMarketCount);
    form->addRow(tr("Binance REST address:"), m_binanceRestUrl);
    form->addRow(tr("Binance stream address:"), m_binanceStreamUrl);
    form->addRow(tr("Binance &symbols:"), m_binanceSymbols);
    form->addRow(tr("Binance &bar length:"), m_klineInterval);
    form->addRow(tr("Fear && Greed address:"), m_fearGreedUrl);
    form->addRow(tr("Re&fresh every:"), m_refreshMinutes);
    form->addRow(QString(), m_analyzeAfterRefresh);
    form->addRow(tr("&Evaluate predictions every:"), m_evaluateMinutes);
    return page;
}

QWidget *SettingsDialog::buildServe()
{
    auto *page = new QWidget;
    m_serveEnabled = named(new QCheckBox(tr("&Offer this instance's API to other desktops")),
                           "settingsServeEnabled");
    m_serveHost = named(new QLineEdit, "settingsServeHost");
    m_servePort = spinBox("settingsServePort", 0, 65535);
    auto *note = new QLabel(tr("127.0.0.1 accepts connections from this computer only; 0.0.0.0 "
                               "from the whole network."));
    note->setWordWrap(true);
    auto *form = new QFormLayout(page);
    form->addRow(QString(), m_serveEnabled);
    form->addRow(tr("Listen on &address:"), m_serveHost);
    form->addRow(tr("P&ort:"), m_servePort);
    form->addRow(QString(), note);
    return page;
}

void SettingsDialog::showSettings(const app::AppSettings &s)
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(s.display.language)));
    m_calendar->setCurrentIndex(m_calendar->findData(static_cast<int>(s.display.calendar)));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(s.display.theme)));
    m_liveEnabled->setChecked(s.providers.liveEnabled);
    m_coinGeckoUrl->setText(s.providers.coinGeckoBaseUrl);
    m_binanceRestUrl->setText(s.providers.binanceRestBaseUrl);
    m_binanceStreamUrl->setText(s.providers.binanceStreamBaseUrl);
    m_fearGreedUrl->setText(s.providers.fearGreedBaseUrl);
    m_coinGeckoRate->setValue(s.providers.coinGeckoRequestsPerMinute);
    m_coinGeckoPlan->setCurrentIndex(qMax(0, m_coinGeckoPlan->findData(s.providers.coinGeckoPlan)));
    m_coinGeckoMarketCount->setValue(s.providers.coinGeckoMarketCount);
    // A bar length set elsewhere (by hand, or a later version) is kept, not replaced.
    if (m_klineInterval->findData(s.providers.binanceKlineInterval) < 0)
        m_klineInterval->addItem(s.providers.binanceKlineInterval,
                                 s.providers.binanceKlineInterval);
    m_klineInterval->setCurrentIndex(m_klineInterval->findData(s.providers.binanceKlineInterval));
    m_binanceSymbols->setText(s.providers.binanceSymbols.join(QStringLiteral(", ")));
    m_refreshMinutes->setValue(s.schedule.marketRefreshMinutes);
    m_analyzeAfterRefresh->setChecked(s.schedule.analyzeAfterRefresh);
    m_evaluateMinutes->setValue(s.schedule.evaluateMinutes);
    m_serveEnabled->setChecked(s.serve.enabled);
    m_serveHost->setText(s.serve.host);
    m_servePort->setValue(s.serve.port);
}

app::AppSettings SettingsDialog::entered() const
{
    app::AppSettings s = app::AppSettings::load();
    s.display.language = m_language->currentData().toString();
    s.display.calendar = static_cast<app::CalendarSystem>(m_calendar->currentData().toInt());
    s.display.theme = m_theme->currentData().toString();
    s.providers.liveEnabled = m_liveEnabled->isChecked();
    s.providers.coinGeckoBaseUrl = m_coinGeckoUrl->text().trimmed();
    s.providers.binanceRestBaseUrl = m_binanceRestUrl->text().trimmed();
    s.providers.binanceStreamBaseUrl = m_binanceStreamUrl->text().trimmed();
    s.providers.fearGreedBaseUrl = m_fearGreedUrl->text().trimmed();
    s.providers.coinGeckoRequestsPerMinute = m_coinGeckoRate->value();
    s.providers.coinGeckoPlan = m_coinGeckoPlan->currentData().toString();
    s.providers.coinGeckoMarketCount = m_coinGeckoMarketCount->value();
    s.providers.binanceKlineInterval = m_klineInterval->currentData().toString();
    QStringList symbols;
    for (const QString &part : m_binanceSymbols->text().split(QLatin1Char(','))) {
        if (!part.trimmed().isEmpty())
            symbols.append(part.trimmed().toUpper());
    }
    s.providers.binanceSymbols = symbols;
    s.schedule.marketRefreshMinutes = m_refreshMinutes->value();
    s.schedule.analyzeAfterRefresh = m_analyzeAfterRefresh->isChecked();
    s.schedule.evaluateMinutes = m_evaluateMinutes->value();
    s.serve.enabled = m_serveEnabled->isChecked();
    s.serve.host = m_serveHost->text().trimmed();
    s.serve.port = static_cast<quint16>(m_servePort->value());
    return s;
}

QString SettingsDialog::messageText() const
{
    return m_message->text();
}

void SettingsDialog::showError(const QString &message)
{
    m_message->setStyleSheet(
        QStringLiteral("color: %1;").arg(Theme::instance().colors().negative.name()));
    m_message->setText(message);
    Q_EMIT saveFinished(false);
}

void SettingsDialog::save()
{
    if (m_pending > 0)
        return;
    const app::AppSettings settings = entered();
    if (const std::optional<QString> error = settings.validate()) {
        showError(*error);
        return;
    }
    std::optional<models::AppConfig> config;
    if (m_admin && m_admin->isLoaded()) {
        const Result<models::AppConfig> admin = m_admin->entered();
        if (!admin) {
            m_tabs->setCurrentWidget(m_admin);
            showError(admin.error());
            return;
        }
        if (m_admin->changed(*admin))
            config = *admin;
    }

    // Everything checked: store, apply what applies live, then the parts that take a round trip.
    m_saving = settings;
    settings.save();
    Theme::instance().apply(Theme::modeFromName(settings.display.theme));
    Language::applyCalendar(settings.display.calendar);
    m_errors.clear();
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Saving..."));
    m_saveButton->setEnabled(false);
    m_pending = 1; // released at the end of this function
    auto storeSecret = [this](QLineEdit *field, const QString &key) {
        if (!field->isModified())
            return;
        ++m_pending;
        const QString secret = field->text();
        auto done = [this, key, secret](const app::CredentialResult &result) {
            if (result.keychainMissing()) {
                // Said on the Database tab already: kept for this session, asked next time.
                app::CredentialStore::rememberForSession(key, secret);
                partDone(QString());
                return;
            }
            partDone(result.ok() ? QString() : result.message);
        };
        if (secret.isEmpty())
            m_credentials->remove(key, this, done);
        else
            m_credentials->write(key, secret, this, done);
        field->setModified(false);
    };
    storeSecret(m_coinGeckoKey, app::CredentialStore::providerKey(QStringLiteral("coingecko")));
    if (m_url.dialect == models::Dialect::PostgreSQL)
        storeSecret(m_databasePassword, app::CredentialStore::databaseKey(m_url));
    if (config) {
        ++m_pending;
        connect(
            m_admin, &AdminSettingsSection::saved, this,
            [this](bool ok, const QString &error) { partDone(ok ? QString() : error); },
            Qt::SingleShotConnection);
        m_admin->save(*config);
    }
    partDone(QString());
}

void SettingsDialog::partDone(const QString &error)
{
    if (!error.isEmpty())
        m_errors.append(error);
    if (--m_pending > 0)
        return;
    m_saveButton->setEnabled(true);
    Q_EMIT settingsSaved(m_saving);
    if (!m_errors.isEmpty()) {
        showError(tr("Some settings were not saved: %1").arg(m_errors.join(QLatin1Char(' '))));
        return;
    }
    m_message->setText(m_saving.display.language != m_original.display.language
                           ? Language::restartNote()
                           : tr("Saved."));
    Q_EMIT saveFinished(true);
    accept();
}

void SettingsDialog::runWizard()
{
    FirstRunWizard wizard(this);
    if (wizard.exec() != QDialog::Accepted)
        return;
    m_message->setStyleSheet(QString());
    m_message->setText(tr("The setup is saved. CryptoPredict uses the new database after a "
                          "restart."));
}

} // namespace cp::ui
