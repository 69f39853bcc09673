#pragma once

#include "uitestseed.h"

#include <testdatabase.h>

#include <ui/mainwindow.h>

#include <QTableView>

#include <memory>

namespace cp::test {

/** A seeded database and a shown main window for one role, ready for GUI assertions. */
class ViewFixture
{
public:
    //! Seeds `scratch` and opens a window for the seeded user of `role`; check error() after.
    ViewFixture(ScratchDatabase &scratch, models::Role role);

    QString error() const { return m_error; }
    ui::MainWindow &window() { return *m_window; }
    const SeededMarket &market() const { return m_market; }
    //! Shows the page and waits until its data arrived; false on timeout or when absent.
    bool openPage(const QString &objectName);
    //! Waits for the next completed refresh of a page after `before` refreshes.
    bool waitForRefresh(const QString &objectName, int before);
    int refreshCount(const QString &objectName);
    QTableView *table(const QString &objectName);

private:
    SeededMarket m_market;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_error;
};

//! Points QSettings at a temporary directory and sets a test application name.
void useTestSettings(const QString &directory);

} // namespace cp::test
