"""The selected item: a large preview and its captions, tags, who appears, and consent per channel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from classesduo.domain.consent import ConsentChannel, default_consent_until
from classesduo.domain.enums import ConsentStatus, MediaKind, Side
from classesduo.services.media import MediaView, parse_tags
from classesduo.ui.formatting import consent_label, date_edit_format, format_date, format_size, media_kind_label, side_label
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate

PREVIEW_SIZE = 720


class MediaDetailPanel(QtWidgets.QWidget):
    save_requested = Signal(object)  # the edited MediaItem
    open_requested = Signal(object)  # the MediaView to open with the system's viewer

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: MediaView | None = None
        self.preview = QtWidgets.QLabel(alignment=QtCore.Qt.AlignmentFlag.AlignCenter)
        self.preview.setObjectName("mediaPreview")
        self.preview.setMinimumSize(160, 96)  # shrinks first, so Save stays on screen at 720 px
        self.preview.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Ignored)
        self.info = QtWidgets.QLabel(wordWrap=True)
        self.info.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QtWidgets.QLineEdit()
        self.caption_partner = QtWidgets.QLineEdit()
        self.tags = QtWidgets.QLineEdit()
        self.side = QtWidgets.QComboBox()
        for side in Side:
            self.side.addItem("", side)
        self.kind = QtWidgets.QComboBox()
        for kind in MediaKind:
            self.kind.addItem("", kind)
        self.children = QtWidgets.QSpinBox(minimum=0, maximum=200)
        #: The session the item belongs to (none, or one of its duo's): attach, move or detach after import.
        self.session_combo = QtWidgets.QComboBox()
        self.session_combo.setObjectName("mediaSession")
        #: Fills the session list for a duo: ``[(label, session id)]``; the page sets it.
        self.sessions_of: Callable[[str], list[tuple[str, str]]] = lambda _duo_id: []
        self.consent: dict[ConsentChannel, QtWidgets.QComboBox] = {}
        for channel in ConsentChannel:
            combo = QtWidgets.QComboBox()
            for status in ConsentStatus:
                combo.addItem("", status)
            self.consent[channel] = combo
        self.until = QtWidgets.QDateEdit(calendarPopup=True)
        self.until.setDisplayFormat(date_edit_format())
        self.save_button = QtWidgets.QPushButton()
        self.save_button.setShortcut(QtGui.QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self._save)
        self.open_button = QtWidgets.QPushButton()
        self.open_button.clicked.connect(lambda: self.view and self.open_requested.emit(self.view))
        self.error_label = QtWidgets.QLabel(wordWrap=True)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet("color: #c62828")

        self.form = QtWidgets.QFormLayout()
        self._labels = [QtWidgets.QLabel() for _ in range(11)]
        fields = [self.caption, self.caption_partner, self.tags, self.kind, self.side, self.session_combo,
                  self.children, *self.consent.values(), self.until]
        for label, field in zip(self._labels, fields, strict=False):
            label.setBuddy(field)
            self.form.addRow(label, field)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.form.setVerticalSpacing(4)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.info)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.show_view(None)

    def retranslate_ui(self) -> None:
        texts = [translate("MediaDetail", "Caption (&French):"), translate("MediaDetail", "Caption (&partner):"),
                 translate("MediaDetail", "&Tags (comma-separated):"), translate("MediaDetail", "Kin&d:"),
                 translate("MediaDetail", "Made by:"), translate("MediaDetail", "Sessio&n:"),
                 translate("MediaDetail", "&Identifiable children:"),
                 translate("MediaDetail", "Shown in the &exchange:"),
                 translate("MediaDetail", "Published (&blog, album):"),
                 translate("MediaDetail", "Used in &reports:"), translate("MediaDetail", "Authorisation &until:")]
        for label, text in zip(self._labels, texts, strict=False):
            label.setText(text)
        self.children.setToolTip(translate("MediaDetail", "How many children can be recognised; "
                                                          "0 for a drawing or a landscape."))
        for row, side in enumerate(Side):
            self.side.setItemText(row, side_label(side))
        for row, kind in enumerate(MediaKind):
            self.kind.setItemText(row, media_kind_label(kind))
        for combo in self.consent.values():
            for row, status in enumerate(ConsentStatus):
                combo.setItemText(row, consent_label(status))
        self.save_button.setText(translate("MediaDetail", "&Save"))
        self.open_button.setText(translate("MediaDetail", "&Open file"))
        if self.view is None:
            self.preview.setText(translate("MediaDetail", "Select an item to see it here."))

    def show_view(self, view: MediaView | None) -> None:
        # the same file again (e.g. after Save): its preview stays instead of turning into the word "Photo"
        same_file = (view is not None and self.view is not None and view.item.file_hash == self.view.item.file_hash
                     and self.preview.pixmap() is not None and not self.preview.pixmap().isNull())
        self.view = view
        self.error_label.clear()
        enabled = view is not None
        for widget in (self.caption, self.caption_partner, self.tags, self.kind, self.side, self.children, self.until,
                       self.save_button, self.open_button, self.session_combo, *self.consent.values()):
            widget.setEnabled(enabled)
        if view is None:
            self.preview.setPixmap(QtGui.QPixmap())
            self.preview.setText(translate("MediaDetail", "Select an item to see it here."))
            self.info.clear()
            for line in (self.caption, self.caption_partner, self.tags):
                line.clear()
            for combo in (self.kind, self.side, *self.consent.values()):
                combo.setCurrentIndex(-1)  # no made-up values while nothing is selected
            self.session_combo.clear()
            self.children.setValue(0)
            return
        item = view.item
        if not same_file:
            self.preview.setPixmap(QtGui.QPixmap())
            self.preview.setText(media_kind_label(item.kind))
        self.info.setText(translate("MediaDetail", "{name} — {kind}, {size}, {date}\n{duo}").format(
            name=item.original_name, kind=media_kind_label(item.kind), size=format_size(item.size_bytes),
            date=format_date(view.day), duo=view.duo_label))
        self.caption.setText(item.caption)
        self.caption_partner.setText(item.caption_partner)
        self.tags.setText(", ".join(item.tags))
        self.side.setCurrentIndex(self.side.findData(item.side))
        self.session_combo.clear()
        self.session_combo.addItem(translate("MediaDetail", "— no session —"), "")
        for label, session_id in self.sessions_of(item.duo_id):
            self.session_combo.addItem(label, session_id)
        self.session_combo.setCurrentIndex(max(0, self.session_combo.findData(item.session_id or "")))
        self.kind.setCurrentIndex(self.kind.findData(item.kind))
        self.children.setValue(item.identifiable_children)
        for channel, combo in self.consent.items():
            combo.setCurrentIndex(combo.findData(getattr(item, f"consent_{channel.value}")))
        until = item.consent_until or default_consent_until(view.day)
        self.until.setDate(QtCore.QDate(until.year, until.month, until.day))

    def set_preview(self, image: QtGui.QImage) -> None:
        if image.isNull():
            return
        pixmap = QtGui.QPixmap.fromImage(image)
        self.preview.setPixmap(pixmap.scaled(self.preview.size(), QtCore.Qt.AspectRatioMode.KeepAspectRatio,
                                             QtCore.Qt.TransformationMode.SmoothTransformation))

    def show_errors(self, text: str) -> None:
        self.error_label.setText(text)

    def edited_item(self) -> object:
        assert self.view is not None
        qdate = self.until.date()
        return replace(
            self.view.item,
            caption=self.caption.text(), caption_partner=self.caption_partner.text(),
            tags=parse_tags(self.tags.text()), side=self.side.currentData(), kind=self.kind.currentData(),
            session_id=self.session_combo.currentData() or None,
            identifiable_children=self.children.value(),
            consent_exchange=self.consent[ConsentChannel.EXCHANGE].currentData(),
            consent_publication=self.consent[ConsentChannel.PUBLICATION].currentData(),
            consent_reports=self.consent[ConsentChannel.REPORTS].currentData(),
            consent_until=date(qdate.year(), qdate.month(), qdate.day()),
        )

    def is_dirty(self) -> bool:
        """Whether the fields differ from the item shown (captions, tags, side, kind, children, consents)."""
        if self.view is None:
            return False
        shown = self.view.item
        shown = replace(shown, consent_until=shown.consent_until or default_consent_until(self.view.day))
        return self.edited_item() != shown

    def _save(self) -> None:
        if self.view is not None:
            self.save_requested.emit(self.edited_item())

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
