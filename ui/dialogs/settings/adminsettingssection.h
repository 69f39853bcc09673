#pragma once

#include <models/appconfig.h>
#include <models/databaseurl.h>

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace cp::ui {

/**
 * The admin-only part of the settings: watchlist tier limits and the confidence thresholds,
 * shared by every instance on the database (models::AppConfig). Loads and saves off the GUI
 * thread; values are checked before saving, naming the field.
 */
class AdminSettingsSection : public QWidget
{
    Q_OBJECT

public:
    explicit AdminSettingsSection(models::DatabaseUrl url, QWidget *parent = nullptr);
    ~AdminSettingsSection() override;

    //! Starts reading the stored values; loaded() follows.
    void load();
    bool isLoaded() const { return m_loaded.has_value(); }
    //! The entered values, or one sentence naming the first bad field (the field gets focus).
    Result<models::AppConfig> entered();
    //! True when entered values differ from the stored ones.
    bool changed(const models::AppConfig &config) const;
    //! Starts saving `config`; saved() follows.
    void save(const models::AppConfig &config);

Q_SIGNALS:
    void loaded(bool ok, const QString &error);
    void saved(bool ok, const QString &error);

private:
    void show(const models::AppConfig &config);

    models::DatabaseUrl m_url;
    std::optional<models::AppConfig> m_loaded;
    QFutureWatcher<Result<models::AppConfig>> m_loadWatcher;
    QFutureWatcher<Status> m_saveWatcher;
    models::AppConfig m_saving;
    QSpinBox *m_tier1 = nullptr;
    QSpinBox *m_tier2 = nullptr;
    QLineEdit *m_suggestion = nullptr;
    QLineEdit *m_signal = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace cp::ui
