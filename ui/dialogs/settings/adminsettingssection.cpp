#include "adminsettingssection.h"

#include <models/connection.h>

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QtConcurrentRun>
#include <QVBoxLayout>

namespace cp::ui {

namespace {

//! Accepts "0.6" and the locale's "0,6"; nullopt when not a number.
std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double c = QLocale::c().toDouble(text.trimmed(), &ok);
    if (ok)
        return c;
    const double local = QLocale().toDouble(text.trimmed(), &ok);
    return ok ? std::optional<double>(local) : std::nullopt;
}

} // namespace

AdminSettingsSection::AdminSettingsSection(models::DatabaseUrl url, QWidget *parent)
    : QWidget(parent)
    , m_url(std::move(url))
{
    setObjectName(QStringLiteral("settingsAdminSection"));
    // Ranges wider than allowed, so that a mistyped value is named instead of silently clamped.
    m_tier1 = new QSpinBox;
    m_tier1->setObjectName(QStringLiteral("settingsTier1Max"));
    m_tier1->setRange(0, 1000000);
    m_tier2 = new QSpinBox;
    m_tier2->setObjectName(QStringLiteral("settingsTier2Max"));
    m_tier2->setRange(0, 1000000);
    m_suggestion = new QLineEdit;
    m_suggestion->setObjectName(QStringLiteral("settingsSuggestionConfidence"));
    m_signal = new QLineEdit;
    m_signal->setObjectName(QStringLiteral("settingsSignalConfidence"));
    m_status = new QLabel(tr("Loading the shared settings..."));
    m_status->setObjectName(QStringLiteral("settingsAdminStatus"));
    m_status->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Tier &1 watchlist limit:"), m_tier1);
    form->addRow(tr("Tier &2 watchlist limit:"), m_tier2);
    form->addRow(tr("Suggestion &confidence minimum (0-1):"), m_suggestion);
    form->addRow(tr("Si&gnal confidence minimum (0-1):"), m_signal);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("These values are shared by everyone using this database.")));
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch();
    setEnabled(false);

    connect(&m_loadWatcher, &QFutureWatcherBase::finished, this, [this] {
        const Result<models::AppConfig> config = m_loadWatcher.result();
        if (!config) {
            m_status->setText(config.error());
            Q_EMIT loaded(false, config.error());
            return;
        }
        m_loaded = *config;
        show(*config);
        m_status->clear();
        setEnabled(true);
        Q_EMIT loaded(true, QString());
    });
    connect(&m_saveWatcher, &QFutureWatcherBase::finished, this, [this] {
        const Status status = m_saveWatcher.result();
        if (status)
            m_loaded = m_saving;
        Q_EMIT saved(status.ok(), status.error());
    });
}

AdminSettingsSection::~AdminSettingsSection()
{
    m_loadWatcher.waitForFinished();
    m_saveWatcher.waitForFinished();
}

void AdminSettingsSection::load()
{
    const models::DatabaseUrl url = m_url;
    m_loadWatcher.setFuture(QtConcurrent::run([url] {
        return models::withConnection(url, QStringLiteral("cp-settings-admin"),
                                      [](QSqlDatabase db) { return models::AppConfig::load(db); });
    }));
}

void AdminSettingsSection::show(const models::AppConfig &config)
{
    m_tier1->setValue(config.tier1Max);
    m_tier2->setValue(config.tier2Max);
    m_suggestion->setText(QLocale().toString(config.suggestionConfidenceMin, 'g', 4));
    m_signal->setText(QLocale().toString(config.signalConfidenceMin, 'g', 4));
}

Result<models::AppConfig> AdminSettingsSection::entered()
{
    models::AppConfig config = m_loaded.value_or(models::AppConfig());
    auto fail = [](QWidget *field, const QString &message) {
        field->setFocus();
        return Result<models::AppConfig>::failure(message);
    };
    const std::pair<QSpinBox *, QString> limits[] = {{m_tier1, tr("Tier 1 watchlist limit")},
                                                     {m_tier2, tr("Tier 2 watchlist limit")}};
    for (const auto &[box, name] : limits) {
        if (box->value() < 1 || box->value() > 10000)
            return fail(box, tr("%1 must be a whole number from 1 to 10000.").arg(name));
    }
    config.tier1Max = m_tier1->value();
    config.tier2Max = m_tier2->value();
    const std::pair<QLineEdit *, QString> thresholds[] = {
        {m_suggestion, tr("Suggestion confidence minimum")},
        {m_signal, tr("Signal confidence minimum")}};
    double values[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const std::optional<double> value = parseNumber(thresholds[i].first->text());
        if (!value || *value < 0.0 || *value > 1.0)
            return fail(thresholds[i].first,
                        tr("%1 must be a number from 0 to 1 (got '%2').")
                            .arg(thresholds[i].second, thresholds[i].first->text()));
        values[i] = *value;
    }
    config.suggestionConfidenceMin = values[0];
    config.signalConfidenceMin = values[1];
    // The same rules the API applies, in case they grow stricter than the form's.
    const Result<models::AppConfig> checked = models::AppConfig::fromJson(config.toJson());
    if (!checked)
        return Result<models::AppConfig>::failure(checked.error());
    return config;
}

bool AdminSettingsSection::changed(const models::AppConfig &config) const
{
    if (!m_loaded)
        return false;
    return config.toJson() != m_loaded->toJson();
}

void AdminSettingsSection::save(const models::AppConfig &config)
{
    m_saving = config;
    const models::DatabaseUrl url = m_url;
    m_saveWatcher.setFuture(QtConcurrent::run([url, config] {
        return models::withConnection(url, QStringLiteral("cp-settings-admin"),
                                      [config](QSqlDatabase db) { return config.save(db); });
    }));
}

} // namespace cp::ui
