#include "viewtestfixture.h"

#include <ui/views/page.h>

#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

namespace cp::test {

namespace {
constexpr int kTimeoutMs = 30000;
}

void useTestSettings(const QString &directory)
{
    QCoreApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QCoreApplication::setApplicationName(QStringLiteral("cryptopredict-test"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, directory);
    QSettings().clear();
}

ViewFixture::ViewFixture(ScratchDatabase &scratch, models::Role role)
{
    const Result<SeededMarket> market = seedAnalysedMarket(scratch.database());
    if (!market) {
        m_error = market.error();
        return;
    }
    m_market = *market;
    ui::UserSession session;
    session.role = role;
    session.userId = role == models::Role::Admin          ? m_market.adminId
                     : role == models::Role::Professional ? m_market.professionalId
                                                          : m_market.casualId;
    session.email = QStringLiteral("user%1@example.com").arg(session.userId);
    m_window = std::make_unique<ui::MainWindow>(scratch.databaseUrl(), session);
    QSignalSpy ready(m_window.get(), &ui::MainWindow::databaseReady);
    m_window->resize(1280, 800);
    m_window->show();
    if (!ready.wait(kTimeoutMs) && ready.isEmpty())
        m_error = QStringLiteral("the window did not open the database");
    else if (!ready.at(0).at(0).toBool())
        m_error = QStringLiteral("the window could not open the database");
}

int ViewFixture::refreshCount(const QString &objectName)
{
    ui::Page *page = m_window->page(objectName);
    return page ? page->refreshCount() : -1;
}

bool ViewFixture::waitForRefresh(const QString &objectName, int before)
{
    ui::Page *page = m_window->page(objectName);
    if (!page)
        return false;
    return QTest::qWaitFor([&] { return page->refreshCount() > before && !page->isLoading(); },
                           kTimeoutMs);
}

bool ViewFixture::openPage(const QString &objectName)
{
    if (!m_window->showPage(objectName))
        return false;
    ui::Page *page = m_window->page(objectName);
    return QTest::qWaitFor([&] { return page->refreshCount() > 0 && !page->isLoading(); },
                           kTimeoutMs);
}

QTableView *ViewFixture::table(const QString &objectName)
{
    return m_window->findChild<QTableView *>(objectName);
}

} // namespace cp::test
