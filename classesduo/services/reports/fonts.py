"""Fonts for the PDF: Qt writes a PDF with *no text* and no warning when its font is unusable.

The report asks for DejaVu Sans (Latin, accents, Cyrillic, Greek, arrows; Debian's
``fonts-dejavu-core``) and, for Japanese, Chinese and Korean partner names, a Noto
CJK family when the machine has one (Debian's ``fonts-noto-cjk``), then the font the
app ships: **Classes Duo CJK** (``resources/fonts``, a 1.7 MB subset of Noto Sans CJK
JP under the SIL OFL: Latin, kana, the 2,965 common kanji of JIS X 0208 level 1 and
the 2,350 common Hangul syllables of KS X 1001). Qt falls back glyph by glyph along
the family list; a character none of them has (a rare kanji, Chinese hanzi without a
system CJK font) is named by :func:`font_warning` before it prints as a box.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from classesduo.domain.i18n import Plural

log = logging.getLogger(__name__)

LATIN_FAMILIES = ("DejaVu Sans", "Noto Sans", "Arial", "Helvetica", "Liberation Sans")
CJK_FAMILIES = ("Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK KR", "Noto Sans JP", "Source Han Sans",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "Yu Gothic", "Meiryo", "MS Gothic",
                "Hiragino Sans", "Microsoft YaHei", "Malgun Gothic")
_FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
)
_families: list[str] | None = None


def ensure_application() -> None:
    """QtCharts and fonts need a QApplication; the CLI makes an offscreen one when there is no display."""
    from PySide6 import QtWidgets

    if QtWidgets.QApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and os.name == "posix":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QtWidgets.QApplication(["classesduo-report"])


def report_families() -> list[str]:
    """The font families to ask for, best first (call on the GUI thread, once a QApplication exists)."""
    global _families
    if _families is not None:
        return _families
    from PySide6 import QtGui

    known = set(QtGui.QFontDatabase.families())
    for path in _FONT_FILES:
        if Path(path).is_file() and not _has(known, Path(path)):
            for family in QtGui.QFontDatabase.applicationFontFamilies(QtGui.QFontDatabase.addApplicationFont(path)):
                known.add(family)
    latin = [family for family in LATIN_FAMILIES if family in known][:1]
    cjk = [family for family in CJK_FAMILIES if family in known][:1]
    bundled = _bundled_families()
    if not latin:
        log.warning("no DejaVu Sans or similar font: the PDF uses Qt's default font (%s)",
                    QtGui.QFont().family())
        latin = [QtGui.QFont().family()]
    if not cjk:
        log.info("no system CJK font (fonts-noto-cjk): Japanese and Korean names use the shipped subset")
    _families = latin + cjk + [family for family in bundled if family not in latin + cjk]
    return _families


def _bundled_families() -> list[str]:
    """Register the fonts shipped in ``resources/fonts`` (once) and return their families."""
    from PySide6 import QtGui

    from classesduo.paths import resources_dir

    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.otf")):
        font_id = QtGui.QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("the shipped font %s could not be loaded", path.name)
            continue
        families += [family for family in QtGui.QFontDatabase.applicationFontFamilies(font_id)
                     if family not in families]
    return families


def _has(known: set[str], path: Path) -> bool:
    return ("DejaVu Sans" in known) if path.name.startswith("DejaVuSans") else any(
        family.startswith("Noto Sans CJK") for family in known)


def report_font(point_size: float, bold: bool = False):  # noqa: ANN201 - a QFont
    from PySide6 import QtGui

    font = QtGui.QFont()
    font.setFamilies(report_families())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # No "ff"/"fi" ligatures: text copied or searched in the PDF must read "Buffon", not "Buﬀon".
    for tag in ("liga", "clig"):
        font.setFeature(QtGui.QFont.Tag(tag), 0)
    return font


def uncovered_characters(texts: list[str]) -> str:
    """The characters of ``texts`` that none of the report's fonts can draw (they would print as boxes), in
    order of first appearance; "" when every one is covered. Call once a QApplication exists."""
    from PySide6 import QtGui

    # QRawFont is the one font file a family resolves to (QFontMetrics would count Qt's own fallbacks).
    raws = [QtGui.QRawFont.fromFont(QtGui.QFont(family)) for family in report_families()]
    raws = [raw for raw in raws if raw.isValid() and raw.familyName() in report_families()]
    missing: dict[str, None] = {}
    for text in texts:
        for char in text:
            if char.isspace() or char in missing or ord(char) < 0x250:
                continue
            if not any(raw.supportsCharacter(ord(char)) for raw in raws):
                missing[char] = None
    return "".join(missing)


def report_uncovered_characters(data) -> str:  # noqa: ANN001 - a ReportData
    """The characters of the report's names and texts no font here draws (e.g. Korean without a Hangul font)."""
    texts = [data.scope_label, *(text for line in data.duos for text in (
        line.paris_school, line.paris_class, line.partner_school, line.partner_city, line.facilitator,
        line.highlights)), *(entry.note for entry in data.timeline), *(photo.caption for photo in data.photos)]
    missing = uncovered_characters(texts)
    if missing:
        log.warning("no font covers %d characters of the report (%s)", len(missing), missing[:10])
    return missing


def font_warning(data) -> str:  # noqa: ANN001 - a ReportData
    """The one sentence (CLI and GUI, in the app's language) when some characters of the report have no font
    here; "" when all are covered."""
    missing = report_uncovered_characters(data)
    if not missing:
        return ""
    return Plural.tr(
        "No font on this computer draws %n character(s) of this report ({chars}): they will print as boxes. "
        "Install a font for Japanese, Chinese and Korean (Debian/Ubuntu: fonts-noto-cjk) and export again.",
        "", len(missing)).format(chars=missing[:10])
