"""Plan a visio or edit one: duo, time on either clock, length, link; rule problems shown as you type.

Saving an occurrence of a series asks whether to change only this session or
this one and the following ones. The dialog calls the services itself and
stays open with the reason when saving fails.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from classesduo.domain.entities import ExchangeSession
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.services import planning, scheduling, series
from classesduo.services.errors import ServiceError
from classesduo.services.views import DuoView
from classesduo.services.workspace import Database
from classesduo.ui.calendar.time_entry import TimeEntry
from classesduo.ui.collation import sorted_by_text
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtWidgets, Signal, translate


class SessionDialog(Dialog):
    invitation_requested = Signal(object)  # the ExchangeSession
    log_requested = Signal(object)  # the ExchangeSession, to record what happened

    def __init__(self, db: Database, duos: list[DuoView], buffer_minutes: int,
                 session: ExchangeSession | None = None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.buffer_minutes = buffer_minutes
        self.session = session
        self.saved: ExchangeSession | None = None
        self.cancelled_session = False
        self.setWindowTitle(translate("SessionDialog", "Edit session") if session else
                            translate("SessionDialog", "Plan a visio"))
        self.duo_combo = QtWidgets.QComboBox()
        for view in sorted_by_text(duos, lambda view: view.label):
            self.duo_combo.addItem(view.label, view.duo.id)
        self.time_entry = TimeEntry()
        self.minutes = QtWidgets.QSpinBox(minimum=5, maximum=planning.MAX_MINUTES, singleStep=5, value=45)
        self.minutes.setSuffix(translate("SessionDialog", " min"))
        self.link = QtWidgets.QLineEdit()
        self.link.setPlaceholderText("https://…")
        self.problems = QtWidgets.QLabel(wordWrap=True)
        self.problems.setObjectName("sessionProblems")
        self.problems.setProperty("role", "fieldError")
        self.error = QtWidgets.QLabel(wordWrap=True)
        self.error.setProperty("role", "fieldError")
        self.error.hide()
        self.only_this = QtWidgets.QRadioButton(translate("SessionDialog", "Only this session"))
        self.following = QtWidgets.QRadioButton(translate("SessionDialog", "This session and the following ones "
                                                                           "of the series"))
        self.only_this.setChecked(True)
        scope = QtWidgets.QGroupBox(translate("SessionDialog", "This visio is part of a series. Change:"))
        scope_layout = QtWidgets.QVBoxLayout(scope)
        scope_layout.addWidget(self.only_this)
        scope_layout.addWidget(self.following)
        scope.setVisible(bool(session and session.series_id))
        self.scope_box = scope

        form = QtWidgets.QFormLayout()
        form.addRow(translate("SessionDialog", "&Duo:"), self.duo_combo)
        form.addRow(translate("SessionDialog", "&When:"), self.time_entry)
        form.addRow(translate("SessionDialog", "Le&ngth:"), self.minutes)
        form.addRow(translate("SessionDialog", "Visio l&ink:"), self.link)
        buttons = QtWidgets.QDialogButtonBox()
        self.save_button = buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Save)
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.cancel_session_button = buttons.addButton(translate("SessionDialog", "Cancel this visio…"),
                                                       QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.invite_button = buttons.addButton(translate("SessionDialog", "Invitation…"),
                                               QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.log_button = buttons.addButton(translate("SessionDialog", "&Log this exchange…"),
                                            QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.log_button.setVisible(session is not None)
        self.log_button.clicked.connect(lambda: (self.reject(), self.log_requested.emit(self.session)))
        self.cancel_session_button.setVisible(bool(session and session.status is SessionStatus.PLANNED))
        self.invite_button.setVisible(session is not None)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.cancel_session_button.clicked.connect(self.cancel_session)
        self.invite_button.clicked.connect(lambda: self.invitation_requested.emit(self.session))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scope)
        layout.addWidget(self.problems)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.duo_combo.currentIndexChanged.connect(self._duo_changed)
        self.time_entry.changed.connect(self._check)
        self.minutes.valueChanged.connect(self._check)
        if session is not None:
            self.duo_combo.setCurrentIndex(max(0, self.duo_combo.findData(session.duo_id)))
            self.duo_combo.setEnabled(False)
            self._duo_changed()
            self.time_entry.set_instant(session.start_utc)
            self.minutes.setValue(session.minutes)
            self.link.setText(session.visio_link)
        else:
            self._duo_changed()
        self.resize(640, self.sizeHint().height())

    def prefill(self, duo_id: str | None, day: date, wall: time, minutes: int = 45) -> None:
        if duo_id:
            self.duo_combo.setCurrentIndex(max(0, self.duo_combo.findData(duo_id)))
        self.time_entry.set_local(day, wall)
        self.minutes.setValue(minutes)

    def prefill_first_free(self, duo_id: str | None, earliest: datetime, minutes: int = 45) -> None:
        """A new visio: the duo's first free slot from ``earliest`` (an aware instant) over the next four weeks,
        so the dialog opens on a future time that breaks no rule; else ``earliest``'s next day at 15:00."""
        if duo_id:
            self.duo_combo.setCurrentIndex(max(0, self.duo_combo.findData(duo_id)))
        duo_id = self.duo_id()
        paris = earliest.astimezone(self.time_entry_zone()) if getattr(self, "calendars", None) else earliest
        first = None
        if duo_id:
            try:
                search = scheduling.find_duo_slots(self.db, duo_id, paris.date(), paris.date() + timedelta(days=28),
                                                   minutes, buffer_minutes=self.buffer_minutes)
                first = next((slot for slot in search.slots if slot.slot.start_utc > earliest), None)
            except (ServiceError, ValueError):
                first = None
        if first is not None:
            local = first.paris_local
            self.prefill(duo_id, local.date(), time(local.hour, local.minute), minutes)
        else:
            self.prefill(duo_id, paris.date() + timedelta(days=1), time(15, 0), minutes)

    def duo_id(self) -> str | None:
        return self.duo_combo.currentData()

    def _duo_changed(self) -> None:
        duo_id = self.duo_id()
        if not duo_id:
            return
        calendars = scheduling.duo_calendars(self.db, duo_id)
        self.calendars = calendars
        self.time_entry.set_zones(calendars.paris.zone, calendars.partner.zone, calendars.partner_city)
        if self.session is None:
            self.link.setText(calendars.view.duo.visio_link)

    def _check(self) -> None:
        instant = self.time_entry.instant()
        self.save_button.setEnabled(instant is not None and self.duo_id() is not None)
        if instant is None or self.duo_id() is None:
            self.problems.setText("")
            return
        problems = scheduling.problems_for(self.db, self.duo_id(), instant, self.minutes.value(),
                                           self.session.id if self.session else None, self.buffer_minutes)
        self.problems.setText("\n".join(f"⚠ {problem}" for problem in problems))

    def save(self) -> None:
        instant = self.time_entry.instant()
        if instant is None:
            self._show_error(self.time_entry.error or translate("SessionDialog", "Choose a time."))
            return
        try:
            self.saved = self._write(instant)
        except (ServiceError, ValueError) as error:
            self._show_error(str(error))
            return
        self.accept()

    def _write(self, instant: datetime) -> ExchangeSession:
        minutes = self.minutes.value()
        if self.session is None:
            return planning.create_session(self.db, self.duo_id(), instant, minutes, SessionKind.VISIO,
                                           self.link.text())
        assert self.session.id is not None
        if self.session.series_id and self.following.isChecked():
            paris = instant.astimezone(self.time_entry_zone())
            old_day = self.session.start_utc.astimezone(self.time_entry_zone()).date()
            result = series.edit_following(self.db, self.session.id, time(paris.hour, paris.minute), minutes,
                                           day_shift=(paris.date() - old_day).days,
                                           paris_zone=self.calendars.paris.zone, version=self.session.version)
            return next(s for s in result.sessions if s.id == self.session.id)
        return planning.move_session(self.db, self.session.id, instant, minutes, self.link.text(),
                                     version=self.session.version)

    def time_entry_zone(self):  # noqa: ANN201 - a ZoneInfo
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.calendars.paris.zone)

    def cancel_session(self) -> None:
        assert self.session is not None and self.session.id is not None
        dialogs = getattr(self.parent(), "dialogs", None)
        question = translate("SessionDialog", "Cancel this visio? It stays in the calendar as cancelled, and a "
                                              "re-exported .ics tells the partner's calendar.")
        if dialogs is not None and not dialogs.confirm(self, translate("SessionDialog", "Cancel visio"), question):
            return
        try:
            self.saved = planning.cancel_session(self.db, self.session.id, version=self.session.version)
        except ServiceError as error:
            self._show_error(str(error))
            return
        self.cancelled_session = True
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
