"""Light and dark appearance following the system's colour scheme (Qt ≥ 6.5 ``styleHints().colorScheme()``).

:func:`apply_appearance` gives the application a dark Fusion palette when the system (or the caller)
asks for dark, the platform's own palette otherwise, and follows later changes of the system setting.
The calendar paints with :func:`calendar_colours`, which reads the palette, so its days, grid and
blocks stay readable in both (block text is dark on light-tinted blocks in either appearance).
"""

from __future__ import annotations

from dataclasses import dataclass

from classesduo.ui.qt import QtCore, QtGui, QtWidgets

_DARK_QSS = 'QLabel[role="fieldError"] { color: #ff8a80; }\n'


def is_dark(palette: QtGui.QPalette | None = None) -> bool:
    palette = palette or QtGui.QGuiApplication.palette()
    return palette.color(QtGui.QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QtGui.QPalette:
    palette = QtGui.QPalette()
    role, group = QtGui.QPalette.ColorRole, QtGui.QPalette.ColorGroup
    colours = {
        role.Window: "#2b2b2e", role.WindowText: "#e8e8e8", role.Base: "#1f1f22", role.AlternateBase: "#29292d",
        role.ToolTipBase: "#3a3a3f", role.ToolTipText: "#f0f0f0", role.PlaceholderText: "#9a9a9a",
        role.Text: "#e8e8e8", role.Button: "#35353a", role.ButtonText: "#e8e8e8", role.BrightText: "#ff6e6e",
        role.Light: "#4a4a50", role.Midlight: "#3e3e44", role.Mid: "#5a5a60", role.Dark: "#18181b",
        role.Shadow: "#000000", role.Highlight: "#3d7bd9", role.HighlightedText: "#ffffff",
        role.Link: "#7ab4ff", role.LinkVisited: "#c09cff",
    }
    for which, colour in colours.items():
        palette.setColor(which, QtGui.QColor(colour))
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, which, QtGui.QColor("#7a7a7a"))
    return palette


def system_wants_dark(app: QtGui.QGuiApplication) -> bool:
    hints = app.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == QtCore.Qt.ColorScheme.Dark


def apply_appearance(app: QtWidgets.QApplication, scheme: str = "") -> str:
    """``scheme`` "dark", "light" or "" (follow the system, now and when it changes); the one applied."""
    wanted = scheme or ("dark" if system_wants_dark(app) else "light")
    base_qss = app.property("classesduoBaseQss")
    if base_qss is None:
        base_qss = app.styleSheet()
        app.setProperty("classesduoBaseQss", base_qss)
    if wanted == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
        app.setStyleSheet(base_qss + _DARK_QSS)
    else:
        app.setPalette(app.style().standardPalette())
        app.setStyleSheet(base_qss)
    if not scheme and not app.property("classesduoFollowsScheme") and hasattr(app.styleHints(), "colorSchemeChanged"):
        app.setProperty("classesduoFollowsScheme", True)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_appearance(app))
    app.setProperty("classesduoScheme", wanted)
    for widget in app.topLevelWidgets():  # icons are drawn in the palette's colour
        refresh = getattr(widget, "refresh_icons", None)
        if refresh is not None:
            refresh()
    return wanted


@dataclass(frozen=True)
class CalendarColours:
    background: QtGui.QColor
    today: QtGui.QColor
    other_month: QtGui.QColor
    grid: QtGui.QColor
    text: QtGui.QColor
    block_text: QtGui.QColor
    ghost: QtGui.QColor


def calendar_colours(palette: QtGui.QPalette) -> CalendarColours:
    text = palette.color(QtGui.QPalette.ColorRole.Text)
    if is_dark(palette):
        return CalendarColours(background=palette.color(QtGui.QPalette.ColorRole.Base),
                               today=QtGui.QColor("#3b3522"), other_month=QtGui.QColor(255, 255, 255, 14),
                               grid=QtGui.QColor(255, 255, 255, 45), text=text,
                               block_text=QtGui.QColor("#1a1a1a"), ghost=QtGui.QColor("#e0e0e0"))
    return CalendarColours(background=palette.color(QtGui.QPalette.ColorRole.Base),
                           today=QtGui.QColor(255, 249, 219), other_month=QtGui.QColor(0, 0, 0, 12),
                           grid=QtGui.QColor(0, 0, 0, 30), text=text, block_text=QtGui.QColor("#1a1a1a"),
                           ghost=QtGui.QColor("#333333"))


def contrast(first: QtGui.QColor, second: QtGui.QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    def luminance(colour: QtGui.QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
