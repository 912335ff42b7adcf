"""Switch the UI language at run time: our translations, Qt's own, and the locale's formats."""

from __future__ import annotations

import logging

from classesduo.domain import i18n
from classesduo.paths import resources_dir
from classesduo.services.wording import LANGUAGES
from classesduo.ui.qt import QtCore

log = logging.getLogger(__name__)

SUPPORTED = tuple(LANGUAGES)  # one list of languages for the GUI, reports and e-mails
LOCALES = LANGUAGES


def system_language() -> str:
    name = QtCore.QLocale.system().name()[:2]
    return name if name in SUPPORTED else "en"


class Translations:
    """Owns the installed translators; :meth:`apply` replaces them and Qt sends LanguageChange events."""

    def __init__(self, app: QtCore.QCoreApplication) -> None:
        self._app = app
        self._installed: list[QtCore.QTranslator] = []
        self.language = "en"
        i18n.install(QtCore.QCoreApplication.translate)

    def apply(self, preference: str) -> str:
        """``preference`` is "fr", "en" or "" (follow the system); return the language in use."""
        language = preference if preference in SUPPORTED else system_language()
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        ours = resources_dir() / "translations" / f"classesduo_{language}.qm"
        qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"classesduo_{language}", str(ours.parent)), (f"qtbase_{language}", qt_dir)):
            translator = QtCore.QTranslator(self._app)
            if translator.load(name, folder):
                self._app.installTranslator(translator)
                self._installed.append(translator)
            elif language != "en":
                log.warning("translation %s not found in %s", name, folder)
        QtCore.QLocale.setDefault(QtCore.QLocale(LOCALES[language]))
        self.language = language
        return language
