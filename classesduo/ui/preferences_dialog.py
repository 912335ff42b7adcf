"""Preferences: language and the thresholds the pages use."""

from __future__ import annotations

from dataclasses import replace

from classesduo.settings import Settings
from classesduo.ui.qt import QtWidgets, translate


class PreferencesDialog(QtWidgets.QDialog):
    def __init__(self, settings: Settings, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.language = QtWidgets.QComboBox()
        self.language.addItem(translate("PreferencesDialog", "Same as the system"), "")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.quiet_weeks = QtWidgets.QSpinBox(minimum=1, maximum=26, value=settings.quiet_weeks)
        self.buffer_minutes = QtWidgets.QSpinBox(minimum=0, maximum=120, singleStep=5, value=settings.buffer_minutes)
        self.user_name = QtWidgets.QLineEdit(settings.user_name)
        self.user_name.setPlaceholderText(translate("PreferencesDialog", "Empty: your computer user name"))
        self.retention_years = QtWidgets.QSpinBox(minimum=0, maximum=10, value=settings.retention_years)
        form = QtWidgets.QFormLayout()
        form.addRow(translate("PreferencesDialog", "&Language:"), self.language)
        form.addRow(translate("PreferencesDialog", "A duo has gone quiet after (weeks):"), self.quiet_weeks)
        form.addRow(translate("PreferencesDialog", "Free time around a facilitator's sessions (minutes):"),
                    self.buffer_minutes)
        form.addRow(translate("PreferencesDialog", "Your &name in the history of log edits:"), self.user_name)
        form.addRow(translate("PreferencesDialog", "Keep media and logs after a duo's year (school years):"),
                    self.retention_years)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._settings = settings

    def result_settings(self) -> Settings:
        return replace(self._settings, language=self.language.currentData(), quiet_weeks=self.quiet_weeks.value(),
                       buffer_minutes=self.buffer_minutes.value(), user_name=self.user_name.text().strip(),
                       retention_years=self.retention_years.value())
