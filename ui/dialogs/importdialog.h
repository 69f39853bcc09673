#pragma once

#include <app/importers/importformat.h>
#include <app/importers/importpreview.h>
#include <app/importers/priceimporter.h>
#include <models/databaseurl.h>

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace cp::app::importers {
class ImportController;
}

namespace cp::ui {

/**
 * File > Import: picks market-data files and their format, previews the first rows and the
 * columns the importer detected, and imports on a worker thread with a progress bar. A bad row
 * is shown with its file and line; the database is then left as it was.
 */
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportDialog(models::DatabaseUrl url, QWidget *parent = nullptr);
    ~ImportDialog() override;

    //! Sets the files (and guesses the format from the first); the preview follows.
    void setFiles(const QStringList &files);
    void setFormat(app::importers::ImportFormat format);
    void setSymbol(const QString &symbol);
    //! Starts the import (the Import button); false if the form is incomplete or one runs.
    bool startImport();
    bool isImporting() const;

    QTableWidget *previewTable() const { return m_preview; }
    QLabel *columnsLabel() const { return m_columns; }
    QLabel *errorLabel() const { return m_error; }
    QProgressBar *progressBar() const { return m_progress; }
    //! Editable: the database's sectors are offered, any text may be typed (the importer
    //! refuses unknown ones with the list).
    QComboBox *sectorCombo() const { return m_sector; }

Q_SIGNALS:
    //! The preview was read (or failed: the error label says why).
    void previewUpdated(bool ok);
    //! The import ended: committed, or failed / cancelled with the error shown.
    void importFinished(bool ok);
    //! The sector list was read from the database (ok = false: it could not be; typing works).
    void sectorsLoaded(bool ok);

private:
    void browse();
    void refreshPreview();
    void loadSectors(const models::DatabaseUrl &url);
    void showSectors(const Result<QStringList> &sectors);
    void previewRead(const Result<app::importers::ImportPreview> &preview);
    void showPreview(const Result<app::importers::ImportPreview> &preview);
    void showError(const QString &message);
    void updateButtons();
    QStringList files() const;
    app::importers::ImportFormat format() const;

    app::importers::ImportController *m_controller = nullptr;
    bool m_previewBusy = false;
    bool m_previewPending = false;
    QLineEdit *m_files = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_symbol = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_sector = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_columns = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_result = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace cp::ui
