#include "theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace cp::ui {

QColor ThemeColors::regime(const QString &regime) const
{
    QColor color = mutedText;
    if (regime == QLatin1String("bull"))
        color = positive;
    else if (regime == QLatin1String("bear"))
        color = negative;
    else if (regime == QLatin1String("volatile"))
        color = warning;
    color.setAlpha(46);
    return color;
}

QColor ThemeColors::risk(const QString &riskLevel) const
{
    if (riskLevel == QLatin1String("low"))
        return positive;
    if (riskLevel == QLatin1String("medium"))
        return warning;
    if (riskLevel == QLatin1String("high"))
        return negative;
    if (riskLevel == QLatin1String("extreme"))
        return negative.darker(130);
    return mutedText;
}

Theme::Theme()
    : m_colors(colorsFor(ThemeMode::Light))
{
}

Theme &Theme::instance()
{
    static Theme theme;
    return theme;
}

ThemeColors Theme::colorsFor(ThemeMode mode)
{
    ThemeColors c;
    if (mode == ThemeMode::Dark) {
        c.window = QColor(0x16, 0x1A, 0x20);
        c.surface = QColor(0x1E, 0x23, 0x2B);
        c.border = QColor(0x30, 0x36, 0x3D);
        c.text = QColor(0xE6, 0xED, 0xF3);
        c.mutedText = QColor(0x8B, 0x94, 0x9E);
        c.accent = QColor(0x2F, 0x81, 0xF7);
        c.positive = QColor(0x3F, 0xB9, 0x50);
        c.negative = QColor(0xF8, 0x51, 0x49);
        c.warning = QColor(0xD2, 0x99, 0x22);
        c.grid = QColor(0x2A, 0x30, 0x37);
        c.navigation = QColor(0x10, 0x13, 0x18);
        c.series = {QColor(0x58, 0xA6, 0xFF), QColor(0xBC, 0x8C, 0xFF), QColor(0x3F, 0xB9, 0x50),
                    QColor(0xD2, 0x99, 0x22), QColor(0xFF, 0x7B, 0x72), QColor(0x39, 0xC5, 0xCF)};
    } else {
        c.window = QColor(0xF3, 0xF4, 0xF6);
        c.surface = QColor(0xFF, 0xFF, 0xFF);
        c.border = QColor(0xD0, 0xD7, 0xDE);
        c.text = QColor(0x1F, 0x23, 0x28);
        c.mutedText = QColor(0x65, 0x6D, 0x76);
        c.accent = QColor(0x09, 0x69, 0xDA);
        c.positive = QColor(0x1A, 0x7F, 0x37);
        c.negative = QColor(0xCF, 0x22, 0x2E);
        c.warning = QColor(0xBF, 0x87, 0x00);
        c.grid = QColor(0xE6, 0xE9, 0xED);
        c.navigation = QColor(0x24, 0x29, 0x2F);
        c.series = {QColor(0x09, 0x69, 0xDA), QColor(0x82, 0x50, 0xDF), QColor(0x1A, 0x7F, 0x37),
                    QColor(0xBF, 0x87, 0x00), QColor(0xCF, 0x22, 0x2E), QColor(0x1B, 0x7C, 0x83)};
    }
    return c;
}

QPalette Theme::palette(ThemeMode mode)
{
    const ThemeColors c = colorsFor(mode);
    const bool dark = mode == ThemeMode::Dark;
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.surface);
    p.setColor(QPalette::AlternateBase, dark ? QColor(0x22, 0x28, 0x30) : QColor(0xF6, 0xF8, 0xFA));
    p.setColor(QPalette::ToolTipBase, c.surface);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, c.mutedText);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, dark ? QColor(0x26, 0x2C, 0x34) : QColor(0xF6, 0xF8, 0xFA));
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, c.negative);
    p.setColor(QPalette::Light, dark ? QColor(0x3A, 0x41, 0x4A) : QColor(0xFF, 0xFF, 0xFF));
    p.setColor(QPalette::Midlight, dark ? QColor(0x30, 0x36, 0x3D) : QColor(0xE6, 0xE9, 0xED));
    p.setColor(QPalette::Mid, c.border);
    p.setColor(QPalette::Dark, dark ? QColor(0x0D, 0x11, 0x17) : QColor(0xAF, 0xB8, 0xC1));
    p.setColor(QPalette::Shadow, QColor(0, 0, 0, dark ? 160 : 60));
    p.setColor(QPalette::Highlight, c.accent);
    p.setColor(QPalette::HighlightedText, QColor(0xFF, 0xFF, 0xFF));
    p.setColor(QPalette::Link, c.accent);
    p.setColor(QPalette::LinkVisited, c.accent.darker(120));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.mutedText);
    return p;
}

QString Theme::styleSheet() const
{
    const ThemeColors &c = m_colors;
    // Only what the palette cannot say: cards, the navigation strip, headings.
    return QStringLiteral(
               "QFrame[card=\"true\"] { background: %1; border: 1px solid %2; border-radius: 6px; }"
               "QListWidget#navigation { background: %3; border: none; color: #C9D1D9;"
               " font-size: 10.5pt; outline: 0; padding-top: 8px; }"
               "QListWidget#navigation::item { padding: 9px 14px; margin: 1px 6px;"
               " border-radius: 4px; }"
               "QListWidget#navigation::item:selected { background: %4; color: white; }"
               "QListWidget#navigation::item:hover:!selected { background: rgba(255,255,255,20); }"
               "QLabel[role=\"heading\"] { font-size: 13pt; font-weight: 600; }"
               "QLabel[role=\"caption\"] { color: %5; }"
               "QLabel[role=\"metric\"] { font-size: 16pt; font-weight: 600; }")
        .arg(c.surface.name(), c.border.name(), c.navigation.name(), c.accent.name(),
             c.mutedText.name());
}

ThemeMode Theme::modeFromName(const QString &name)
{
    return name == QLatin1String("dark") ? ThemeMode::Dark : ThemeMode::Light;
}

QString Theme::nameOf(ThemeMode mode)
{
    return mode == ThemeMode::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

void Theme::apply(ThemeMode mode)
{
    m_mode = mode;
    m_colors = colorsFor(mode);
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance())) {
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive))
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(palette(mode));
        app->setStyleSheet(styleSheet());
    }
    Q_EMIT changed(mode);
}

} // namespace cp::ui
