"""Preferences: language and the thresholds the pages use."""

from __future__ import annotations

from dataclasses import replace

from classesduo.settings import Settings
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtWidgets, translate


class PreferencesDialog(Dialog):
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
        self.db_url = QtWidgets.QLineEdit(settings.db_url)
        self.db_url.setObjectName("db_url")
        self.db_url.setMinimumWidth(340)
        self.db_url.setPlaceholderText(translate("PreferencesDialog", "empty: the data folder's own database"))
        self.db_url.setToolTip(translate("PreferencesDialog", "Shared mode: a PostgreSQL server the team shares, "
                                                              "e.g. postgresql+psycopg://me@server/classesduo"))
        self.media_dir = QtWidgets.QLineEdit(settings.media_dir)
        self.media_dir.setObjectName("media_dir")
        self.media_dir.setPlaceholderText(translate("PreferencesDialog", "empty: the data folder's media folder"))
        browse = QtWidgets.QPushButton(translate("PreferencesDialog", "&Browse…"))
        browse.clicked.connect(self._browse_media)
        media_row = QtWidgets.QHBoxLayout()
        media_row.addWidget(self.media_dir, 1)
        media_row.addWidget(browse)
        self.feed_folder = QtWidgets.QLineEdit(settings.feed_folder)
        self.feed_folder.setObjectName("feed_folder")
        self.feed_folder.setPlaceholderText(translate("PreferencesDialog", "empty: no feeds"))
        self.feed_folder.setToolTip(translate("PreferencesDialog", "One .ics per facilitator, per school and for the "
                                                                   "programme, rewritten after every change (for a "
                                                                   "synced folder or a web server)"))
        browse_feeds = QtWidgets.QPushButton(translate("PreferencesDialog", "B&rowse…"))
        browse_feeds.clicked.connect(self._browse_feeds)
        feed_row = QtWidgets.QHBoxLayout()
        feed_row.addWidget(self.feed_folder, 1)
        feed_row.addWidget(browse_feeds)
        form = QtWidgets.QFormLayout()
        form.addRow(translate("PreferencesDialog", "&Language:"), self.language)
        form.addRow(translate("PreferencesDialog", "A duo has gone quiet after (weeks):"), self.quiet_weeks)
        form.addRow(translate("PreferencesDialog", "Free time around a facilitator's sessions (minutes):"),
                    self.buffer_minutes)
        form.addRow(translate("PreferencesDialog", "Your &name in the history of log edits:"), self.user_name)
        form.addRow(translate("PreferencesDialog", "Keep media and logs after a duo's year (school years):"),
                    self.retention_years)
        form.addRow(translate("PreferencesDialog", "Shared &database URL:"), self.db_url)
        media_label = QtWidgets.QLabel(translate("PreferencesDialog", "Shared &media folder:"))
        media_label.setBuddy(self.media_dir)
        form.addRow(media_label, media_row)
        feed_label = QtWidgets.QLabel(translate("PreferencesDialog", "Calendar &feeds folder:"))
        feed_label.setBuddy(self.feed_folder)
        form.addRow(feed_label, feed_row)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._settings = settings

    def _browse_media(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, translate("PreferencesDialog", "Shared media folder"),
                                                            self.media_dir.text())
        if folder:
            self.media_dir.setText(folder)

    def _browse_feeds(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, translate("PreferencesDialog", "Calendar feeds folder"),
                                                            self.feed_folder.text())
        if folder:
            self.feed_folder.setText(folder)

    def result_settings(self) -> Settings:
        return replace(self._settings, language=self.language.currentData(), quiet_weeks=self.quiet_weeks.value(),
                       buffer_minutes=self.buffer_minutes.value(), user_name=self.user_name.text().strip(),
                       retention_years=self.retention_years.value(), db_url=self.db_url.text().strip(),
                       media_dir=self.media_dir.text().strip(), feed_folder=self.feed_folder.text().strip())
