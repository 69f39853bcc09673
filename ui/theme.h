#pragma once

#include <QColor>
#include <QList>
#include <QObject>
#include <QPalette>

namespace cp::ui {

/** Light or dark: the two palettes the desktop ships. */
enum class ThemeMode { Light, Dark };

/** The colours views and charts draw with, beyond what QPalette names. */
struct ThemeColors
{
    QColor window;
    QColor surface; //!< cards, chart backgrounds
    QColor border;
    QColor text;
    QColor mutedText;
    QColor accent;
    QColor positive; //!< gains, bull, long
    QColor negative; //!< losses, bear, short
    QColor warning;
    QColor grid;
    QColor navigation;    //!< the left navigation strip
    QList<QColor> series; //!< distinct colours for chart series

    //! The shading of a market regime (bull, bear, neutral, volatile), translucent.
    QColor regime(const QString &regime) const;
    //! The colour of a risk level (low .. extreme).
    QColor risk(const QString &riskLevel) const;
};

/**
 * The application's current palette. Switching applies the Fusion style's palette and a small
 * style sheet to the whole application and tells custom-painted widgets and charts to recolour.
 */
class Theme : public QObject
{
    Q_OBJECT

public:
    static Theme &instance();

    ThemeMode mode() const { return m_mode; }
    const ThemeColors &colors() const { return m_colors; }
    //! Applies `mode` to the application (also when it is already the current mode).
    void apply(ThemeMode mode);

    //! "dark" -> Dark, anything else -> Light (AppSettings::display.theme holds the name).
    static ThemeMode modeFromName(const QString &name);
    static QString nameOf(ThemeMode mode);

    static QPalette palette(ThemeMode mode);
    static ThemeColors colorsFor(ThemeMode mode);

Q_SIGNALS:
    void changed(cp::ui::ThemeMode mode);

private:
    Theme();
    QString styleSheet() const;

    ThemeMode m_mode = ThemeMode::Light;
    ThemeColors m_colors;
};

} // namespace cp::ui
