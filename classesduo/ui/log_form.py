"""The log form: record what happened at an exchange in under a minute, keyboard only.

Opened on a planned session (pre-filled: duration = the planned one, languages = the
duo's; the pupil counts start empty, with the class size shown next to them, and a held
visio needs both) or for an unplanned exchange (e-mail, letter, blog post…).
Tab goes through the fields in reading order; Ctrl+Enter saves from anywhere. The
service validates; its messages appear next to the fields they name.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from classesduo.domain import session_status
from classesduo.domain.entities import ExchangeSession, SessionLog
from classesduo.domain.enums import CancelReason, DuoStatus, SessionKind, SessionStatus
from classesduo.domain.exchange_log import ACTIVITY_TAGS, LogEntry
from classesduo.domain.i18n import Plural
from classesduo.domain.timezones import PARIS
from classesduo.services.duos import get_duo, list_duos
from classesduo.services.errors import NotFoundError, SameExchangeError, ServiceError, ValidationError
from classesduo.services.exchange_log import create_unplanned, log_session
from classesduo.services.log_queries import session_view
from classesduo.services.views import DuoView, SessionView
from classesduo.services.workspace import Workspace
from classesduo.ui.formatting import datetime_edit_format, format_local, session_kind_label, session_status_label
from classesduo.ui.log_labels import activity_tag_label, cancel_reason_label
from classesduo.ui.collation import sorted_by_text
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.unsaved import UnsavedGuard
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate

NOT_RECORDED = -1  # spin box value shown as "—": no count recorded


def _to_qdatetime(instant: datetime) -> QtCore.QDateTime:
    local = instant.astimezone(PARIS)
    return QtCore.QDateTime(QtCore.QDate(local.year, local.month, local.day), QtCore.QTime(local.hour, local.minute))


def _from_qdatetime(value: QtCore.QDateTime) -> datetime:
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=PARIS)


class LogForm(Dialog):
    """``session`` set: log that session; otherwise create an unplanned exchange (for ``duo_id`` if given)."""

    saved = Signal(object)  # the stored ExchangeSession

    def __init__(self, workspace: Workspace, now: datetime, *, session: SessionView | None = None,
                 duo_id: str | None = None, user_name: str = "", dialogs: Dialogs | None = None,
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs or Dialogs()
        self.setObjectName("LogForm")
        self.db, self.now, self.session, self.user_name = workspace.db, now, session, user_name
        self.paths = workspace.paths
        self.result_session: ExchangeSession | None = None
        self._errors: dict[str, QtWidgets.QLabel] = {}
        self.duos: list[DuoView] = []
        if session is not None:
            self.duos = [get_duo(self.db, session.session.duo_id)]
        else:
            self.duos = [view for view in list_duos(self.db) if view.duo.status is not DuoStatus.CLOSED]
        self._build(duo_id)
        self._prefill()
        self._status_changed()
        self.retranslate_ui()
        self.guard = UnsavedGuard(self, self.dialogs)  # what the form holds before anyone types
        self.draft_restored = self._restore_draft()
        self._draft_timer = QtCore.QTimer(self, singleShot=True, interval=300)
        self._draft_timer.timeout.connect(self._store_draft)
        self._watch_edits()
        (self.status_combo if session is not None else self.kind_combo).setFocus()

    # unsaved work ------------------------------------------------------------------------------------
    @property
    def draft_name(self) -> str:
        """One draft per session logged, and one for a new unplanned exchange."""
        return f"log-{self.session.session.id}" if self.session is not None else "log-unplanned"

    def _watch_edits(self) -> None:
        def later(*_: object) -> None:  # signals pass their value: never take it as the interval
            self._draft_timer.start()

        for edit in (self.activities_edit, self.notes_edit):
            edit.textChanged.connect(later)
        for line in (self.languages_edit, self.problems_edit, self.follow_up_edit):
            line.textChanged.connect(later)
        for box in (self.minutes_box, self.paris_box, self.partner_box):
            box.valueChanged.connect(later)
        for combo in (self.duo_combo, self.kind_combo, self.status_combo, self.reason_combo):
            combo.currentIndexChanged.connect(later)
        for when in (self.when_edit, self.postponed_edit):
            when.dateTimeChanged.connect(later)
        for box in self.tag_boxes.values():
            box.toggled.connect(later)

    def _fields(self) -> dict[str, object]:
        return {
            "duo": self.duo_combo.currentData(), "kind": self.kind_combo.currentData(),
            "when": self.when_edit.dateTime().toString(QtCore.Qt.DateFormat.ISODate),
            "status": self.status_combo.currentData(), "reason": self.reason_combo.currentData(),
            "postponed": self.postponed_edit.dateTime().toString(QtCore.Qt.DateFormat.ISODate),
            "minutes": self.minutes_box.value(), "paris": self.paris_box.value(), "partner": self.partner_box.value(),
            "activities": self.activities_edit.toPlainText(),
            "tags": [tag for tag, box in self.tag_boxes.items() if box.isChecked()],
            "languages": self.languages_edit.text(), "problems": self.problems_edit.text(),
            "follow_up": self.follow_up_edit.text(), "notes": self.notes_edit.toPlainText(),
        }

    def _store_draft(self) -> None:
        from classesduo.services.drafts import discard_draft, save_draft

        try:
            if self.guard.is_dirty():
                save_draft(self.paths, self.draft_name, self._fields())
            else:
                discard_draft(self.paths, self.draft_name)
        except OSError:  # a full disk must not interrupt typing; the form still asks before closing
            pass

    def _restore_draft(self) -> bool:
        from classesduo.services.drafts import load_draft

        data = load_draft(self.paths, self.draft_name)
        if not data:
            return False
        if self.session is None:
            self.duo_combo.setCurrentIndex(max(0, self.duo_combo.findData(data.get("duo"))))
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(data.get("kind"))))
            self.when_edit.setDateTime(QtCore.QDateTime.fromString(str(data.get("when", "")),
                                                                   QtCore.Qt.DateFormat.ISODate))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(data.get("status"))))
        self.reason_combo.setCurrentIndex(max(0, self.reason_combo.findData(data.get("reason", ""))))
        postponed = QtCore.QDateTime.fromString(str(data.get("postponed", "")), QtCore.Qt.DateFormat.ISODate)
        if postponed.isValid():
            self.postponed_edit.setDateTime(postponed)
        for box, key in ((self.minutes_box, "minutes"), (self.paris_box, "paris"), (self.partner_box, "partner")):
            if isinstance(data.get(key), int):
                box.setValue(data[key])
        self.activities_edit.setPlainText(str(data.get("activities", "")))
        for tag, box in self.tag_boxes.items():
            box.setChecked(tag in (data.get("tags") or []))
        self.languages_edit.setText(str(data.get("languages", "")))
        self.problems_edit.setText(str(data.get("problems", "")))
        self.follow_up_edit.setText(str(data.get("follow_up", "")))
        self.notes_edit.setPlainText(str(data.get("notes", "")))
        self._status_changed()
        self.general_error.setText(translate("LogForm", "Your unsaved draft was restored: save it or discard it."))
        self.general_error.show()
        return True

    def _forget_draft(self) -> None:
        from classesduo.services.drafts import discard_draft

        self._draft_timer.stop()
        try:
            discard_draft(self.paths, self.draft_name)
        except OSError:
            pass

    def reject(self) -> None:
        """Escape, the close button and Cancel: Save / Discard / Cancel when something was typed."""
        if not self.guard.is_dirty():
            self._forget_draft()
            super().reject()
            return
        answer = self.guard.ask()
        if answer == "save":
            self.save()
        elif answer == "discard":
            self._forget_draft()
            super().reject()

    # building ----------------------------------------------------------------------------------------
    def _error_label(self, field: str) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel(wordWrap=True)
        label.setProperty("role", "fieldError")
        label.setObjectName(f"error_{field}")
        label.hide()
        self._errors[field] = label
        return label

    def _row(self, form: QtWidgets.QFormLayout, field: str, widget: QtWidgets.QWidget) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel()
        label.setBuddy(widget)
        box = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(self._error_label(field))
        form.addRow(label, box)
        return label

    def _count_box(self) -> QtWidgets.QSpinBox:
        box = QtWidgets.QSpinBox(minimum=NOT_RECORDED, maximum=999)
        box.setSpecialValueText("—")
        box.setValue(NOT_RECORDED)
        return box

    def _count_row(self, box: QtWidgets.QSpinBox, name: str) -> tuple[QtWidgets.QWidget, QtWidgets.QLabel]:
        """The count box with the class size beside it ("of 24 pupils in the class")."""
        row = QtWidgets.QWidget()
        line = QtWidgets.QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(box)
        size = QtWidgets.QLabel()
        size.setObjectName(name)
        line.addWidget(size)
        line.addStretch(1)
        return row, size

    def _build(self, duo_id: str | None) -> None:
        self.heading = QtWidgets.QLabel(wordWrap=True)
        self.heading.setObjectName("logFormHeading")
        self.general_error = self._error_label("general")
        form = QtWidgets.QFormLayout()
        self.labels: dict[str, QtWidgets.QLabel] = {}
        # unplanned exchange: which duo, what kind, when
        self.duo_combo = QtWidgets.QComboBox()
        for view in sorted_by_text(self.duos, lambda view: view.label):
            self.duo_combo.addItem(view.label, view.duo.id)
        if duo_id:
            self.duo_combo.setCurrentIndex(max(0, self.duo_combo.findData(duo_id)))
        self.kind_combo = QtWidgets.QComboBox()
        for kind in (SessionKind.EMAIL, SessionKind.LETTER, SessionKind.BLOG_POST, SessionKind.VISIO):
            self.kind_combo.addItem("", kind.value)
        self.when_edit = QtWidgets.QDateTimeEdit(calendarPopup=True)
        self.when_edit.setDisplayFormat(datetime_edit_format())
        if self.session is None:
            self.labels["duo"] = self._row(form, "duo_id", self.duo_combo)
            self.labels["kind"] = self._row(form, "kind", self.kind_combo)
            self.labels["when"] = self._row(form, "start_utc", self.when_edit)
        self.status_combo = QtWidgets.QComboBox()
        # an unplanned exchange is held or cancelled; a planned one may also be postponed
        for status in session_status.LOGGED if self.session is not None else session_status.OUTCOME:
            self.status_combo.addItem("", status.value)
        self.labels["status"] = self._row(form, "status", self.status_combo)
        self.reason_combo = QtWidgets.QComboBox()
        self.reason_combo.addItem("", "")
        for reason in CancelReason:
            self.reason_combo.addItem("", reason.value)
        self.labels["reason"] = self._row(form, "cancel_reason", self.reason_combo)
        self.postponed_edit = QtWidgets.QDateTimeEdit(calendarPopup=True)
        self.postponed_edit.setDisplayFormat(datetime_edit_format())
        self.labels["postponed"] = self._row(form, "postponed_to", self.postponed_edit)
        self.minutes_box = QtWidgets.QSpinBox(minimum=0, maximum=600, singleStep=5)
        self.minutes_box.setSpecialValueText("—")
        self.labels["minutes"] = self._row(form, "actual_minutes", self.minutes_box)
        self.paris_box = self._count_box()
        self.partner_box = self._count_box()
        paris_row, self.paris_size = self._count_row(self.paris_box, "parisClassSize")
        partner_row, self.partner_size = self._count_row(self.partner_box, "partnerClassSize")
        self.labels["paris"] = self._row(form, "present_paris", paris_row)
        self.labels["partner"] = self._row(form, "present_partner", partner_row)
        self.activities_edit = QtWidgets.QPlainTextEdit(tabChangesFocus=True)
        self.activities_edit.setFixedHeight(60)
        self.labels["activities"] = self._row(form, "activities", self.activities_edit)
        tags = QtWidgets.QWidget()
        tags_layout = QtWidgets.QHBoxLayout(tags)
        tags_layout.setContentsMargins(0, 0, 0, 0)
        self.tag_boxes = {tag: QtWidgets.QCheckBox() for tag in ACTIVITY_TAGS}
        for box in self.tag_boxes.values():
            tags_layout.addWidget(box)
        tags_layout.addStretch(1)
        self.labels["tags"] = self._row(form, "activity_tags", tags)
        self.languages_edit = QtWidgets.QLineEdit()
        self.labels["languages"] = self._row(form, "languages_used", self.languages_edit)
        self.problems_edit = QtWidgets.QLineEdit()
        self.labels["problems"] = self._row(form, "problems", self.problems_edit)
        self.follow_up_edit = QtWidgets.QLineEdit()
        self.labels["follow_up"] = self._row(form, "follow_up", self.follow_up_edit)
        self.notes_edit = QtWidgets.QPlainTextEdit(tabChangesFocus=True)
        self.notes_edit.setFixedHeight(60)
        self.labels["notes"] = self._row(form, "notes", self.notes_edit)
        # Logs count children, never name them: say so as soon as a text looks like it names one.
        self.names_warning = QtWidgets.QLabel(wordWrap=True)
        self.names_warning.setObjectName("childNamesWarning")
        self.names_warning.setProperty("role", "fieldError")
        self.names_warning.hide()
        form.addRow(self.names_warning)
        for edit in (self.activities_edit, self.notes_edit):
            edit.textChanged.connect(self._check_names)
        for line in (self.problems_edit, self.follow_up_edit):
            line.textChanged.connect(self._check_names)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut = QtGui.QShortcut(QtGui.QKeySequence("Ctrl+Return"), self, self.save)
        self.save_shortcut_enter = QtGui.QShortcut(QtGui.QKeySequence("Ctrl+Enter"), self, self.save)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.duo_combo.currentIndexChanged.connect(self._duo_changed)
        order = ([self.duo_combo, self.kind_combo, self.when_edit] if self.session is None else []) + [
            self.status_combo, self.reason_combo, self.postponed_edit, self.minutes_box, self.paris_box,
            self.partner_box, self.activities_edit, *self.tag_boxes.values(), self.languages_edit,
            self.problems_edit, self.follow_up_edit, self.notes_edit, self.buttons]
        for first, second in zip(order, order[1:], strict=False):
            QtWidgets.QWidget.setTabOrder(first, second)

    # values ------------------------------------------------------------------------------------------
    def duo(self) -> DuoView | None:
        index = self.duo_combo.currentIndex()
        return self.duos[index] if 0 <= index < len(self.duos) else None

    def _prefill(self) -> None:
        if self.session is None:
            self.when_edit.setDateTime(_to_qdatetime(self.now))
            self.status_combo.setCurrentIndex(0)
            self._duo_changed()
            self._kind_changed()
            return
        session = self.session.session
        log = session.log
        logged = session.logged_at is not None and session.status is not SessionStatus.PLANNED
        status = session.status if logged else (SessionStatus.HELD if session.start_utc <= self.now
                                                else SessionStatus.POSTPONED)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status.value)))
        self.reason_combo.setCurrentIndex(max(0, self.reason_combo.findData(log.cancel_reason)))
        self.postponed_edit.setDateTime(_to_qdatetime(self._replacement_start() or session.start_utc
                                                      + timedelta(days=7)))
        duo = self.duos[0]
        if logged:
            self.minutes_box.setValue(log.actual_minutes or 0)
            self.paris_box.setValue(NOT_RECORDED if log.present_paris is None else log.present_paris)
            self.partner_box.setValue(NOT_RECORDED if log.present_partner is None else log.present_partner)
            self.activities_edit.setPlainText(log.activities)
            for tag, box in self.tag_boxes.items():
                box.setChecked(tag in log.activity_tags)
            self.languages_edit.setText(", ".join(log.languages_used))
            self.problems_edit.setText(log.problems)
            self.follow_up_edit.setText(log.follow_up)
            self.notes_edit.setPlainText(log.notes)
        else:
            self.minutes_box.setValue(session.minutes)
            self.paris_box.setValue(NOT_RECORDED)  # never assume everyone was there
            self.partner_box.setValue(NOT_RECORDED)
            self.languages_edit.setText(", ".join(duo.duo.languages))

    def _replacement_start(self) -> datetime | None:
        """When the session was already postponed: the start of the session that replaces it."""
        target = self.session.session.postponed_to_id if self.session else None
        if not target:
            return None
        try:
            return session_view(self.db, target).session.start_utc
        except NotFoundError:
            return None

    def child_names(self) -> list[str]:
        """First names the free texts seem to contain (not those of the duo's schools, cities or facilitator)."""
        from classesduo.services.child_names import names_in_text

        duo = self.duo()
        known = (duo.paris.school, duo.partner.school, duo.partner.city, duo.facilitator) if duo else ()
        return names_in_text(self.activities_edit.toPlainText(), self.problems_edit.text(),
                             self.follow_up_edit.text(), self.notes_edit.toPlainText(), known=known)

    def _check_names(self) -> None:
        names = self.child_names()
        self.names_warning.setVisible(bool(names))
        if names:
            self.names_warning.setText(translate(
                "LogForm", "This text seems to name a child ({names}). Logs and reports count children, never "
                           "name them: please write “a pupil” or “the group” instead.").format(
                names=", ".join(names[:5])))

    def _duo_changed(self) -> None:
        duo = self.duo()
        if self.session is None and duo is not None:
            self.languages_edit.setText(", ".join(duo.duo.languages))
        self._show_class_sizes()

    def _show_class_sizes(self) -> None:
        duo = self.duo()
        for label, pupils in ((self.paris_size, duo.paris.pupils if duo else 0),
                              (self.partner_size, duo.partner.pupils if duo else 0)):
            label.setText(Plural.tr("of %n pupil(s) in the class", "", pupils) if pupils else "")

    def _kind_changed(self) -> None:
        if self.session is not None:
            return
        visio = self.kind_combo.currentData() == SessionKind.VISIO.value
        self.minutes_box.setValue(45 if visio else 0)

    def _status_changed(self) -> None:
        status = self.status_combo.currentData()
        held = status == SessionStatus.HELD.value
        for key, widget in (("reason", self.reason_combo), ("postponed", self.postponed_edit)):
            needed = {"reason": SessionStatus.CANCELLED, "postponed": SessionStatus.POSTPONED}[key]
            visible = status == needed.value
            widget.parentWidget().setVisible(visible)
            self.labels[key].setVisible(visible)
        for key, widget in (("minutes", self.minutes_box), ("paris", self.paris_box), ("partner", self.partner_box)):
            widget.parentWidget().setVisible(held)
            self.labels[key].setVisible(held)

    def entry(self) -> LogEntry:
        status = SessionStatus(self.status_combo.currentData())

        def count(box: QtWidgets.QSpinBox) -> int | None:
            return None if box.value() == NOT_RECORDED else box.value()

        log = SessionLog(
            present_paris=count(self.paris_box), present_partner=count(self.partner_box),
            actual_minutes=self.minutes_box.value() or None, cancel_reason=self.reason_combo.currentData() or "",
            activities=self.activities_edit.toPlainText(),
            activity_tags=[tag for tag, box in self.tag_boxes.items() if box.isChecked()],
            languages_used=[code.strip() for code in self.languages_edit.text().replace(";", ",").split(",")
                            if code.strip()],
            problems=self.problems_edit.text(), follow_up=self.follow_up_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )
        postponed = _from_qdatetime(self.postponed_edit.dateTime()) if status is SessionStatus.POSTPONED else None
        return LogEntry(status, log, postponed_to=postponed)

    def save(self) -> None:
        for label in self._errors.values():
            label.hide()
        try:
            if self.session is not None:
                stored = self.session.session
                saved = log_session(self.db, stored.id or "", self.entry(), version=stored.version, now=self.now,
                                    changed_by=self.user_name)
            else:
                duo = self.duo()
                if duo is None:
                    self._show("duo_id", translate("LogForm", "Choose a duo."))
                    return
                try:
                    saved = create_unplanned(self.db, duo.duo.id or "", SessionKind(self.kind_combo.currentData()),
                                             _from_qdatetime(self.when_edit.dateTime()), self.entry(), now=self.now)
                except SameExchangeError as same:
                    found = self._log_existing(same)
                    if found is None:
                        return
                    saved = found
        except ValidationError as error:
            for problem in error.errors:
                self._show(problem.field, problem.message)
            return
        except ServiceError as error:
            self._show("general", str(error))
            return
        self.result_session = saved
        self._forget_draft()
        self.saved.emit(saved)
        self.accept()

    def _log_existing(self, same: SameExchangeError) -> ExchangeSession | None:
        """Asked, naming it: log the session already stored at that time instead of adding a second one."""
        answer = self.dialogs.choose(self, translate("LogForm", "Already in the log"), str(same), [
            ("log", translate("LogForm", "Log that session")), ("cancel", translate("LogForm", "Cancel"))])
        if answer != "log":
            self._show("general", str(same))
            return None
        existing = session_view(self.db, same.session_id).session
        return log_session(self.db, same.session_id, self.entry(), version=existing.version, now=self.now,
                           changed_by=self.user_name)

    def _show(self, field: str, message: str) -> None:
        label = self._errors.get(field, self._errors["general"])
        label.setText(message)
        label.show()
        if label.parentWidget() is not None and field != "general":
            label.parentWidget().setVisible(True)

    # texts -------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        if self.session is not None:
            view = self.session
            self.setWindowTitle(translate("LogForm", "Log an exchange"))
            self.heading.setText(translate("LogForm", "{duo}\n{kind} planned {paris} (Paris) — {partner} ({city}). "
                                                      "Currently: {status}.").format(
                duo=view.duo_label, kind=session_kind_label(view.session.kind),
                paris=format_local(view.session.start_utc, view.paris_timezone),
                partner=format_local(view.session.start_utc, view.partner_timezone), city=view.partner_city,
                status=session_status_label(view.session.status)))
        else:
            self.setWindowTitle(translate("LogForm", "Log an unplanned exchange"))
            self.heading.setText(translate("LogForm", "An exchange that was not planned: an e-mail, a letter, "
                                                      "a blog post or an extra visio."))
        texts = {
            "duo": translate("LogForm", "&Duo:"), "kind": translate("LogForm", "&Kind:"),
            "when": translate("LogForm", "&When (Paris time):"), "status": translate("LogForm", "&Outcome:"),
            "reason": translate("LogForm", "&Reason:"), "postponed": translate("LogForm", "&New date (Paris time):"),
            "minutes": translate("LogForm", "D&uration (minutes):"),
            "paris": translate("LogForm", "Pupils present in &Paris:"),
            "partner": translate("LogForm", "Pupils present in the pa&rtner class:"),
            "activities": translate("LogForm", "&What was done:"), "tags": translate("LogForm", "Activities:"),
            "languages": translate("LogForm", "&Languages used:"),
            "problems": translate("LogForm", "Tec&hnical problems:"),
            "follow_up": translate("LogForm", "&Follow-up to do:"), "notes": translate("LogForm", "No&tes:"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, session_kind_label(SessionKind(self.kind_combo.itemData(index))))
        for index in range(self.status_combo.count()):
            self.status_combo.setItemText(index, session_status_label(SessionStatus(self.status_combo.itemData(index))))
        self.reason_combo.setItemText(0, translate("LogForm", "— choose a reason —"))
        for index in range(1, self.reason_combo.count()):
            self.reason_combo.setItemText(index, cancel_reason_label(self.reason_combo.itemData(index)))
        for tag, box in self.tag_boxes.items():
            box.setText(activity_tag_label(tag).replace("&", "&&"))
        self.languages_edit.setPlaceholderText(translate("LogForm", "ISO codes, e.g. fr, es"))
        self.activities_edit.setPlaceholderText(translate("LogForm", "Songs, questions, presentations…"))
        self.paris_box.setToolTip(translate("LogForm", "A count only, never names. “—” = not recorded."))
        self.partner_box.setToolTip(self.paris_box.toolTip())
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save).setToolTip(
            translate("LogForm", "Save (Ctrl+Enter)"))
        self._check_names()
        self._show_class_sizes()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
