"""The calendar's controls: view switch, navigation, filters and actions, with their shortcuts."""

from __future__ import annotations

from classesduo.services.views import DuoView
from classesduo.ui.collation import sorted_by_text
from classesduo.ui.elided_label import ElidedLabel
from classesduo.ui.qt import QtGui, QtWidgets, Signal, translate

VIEWS = ("week", "month", "list")


class CalendarToolbar(QtWidgets.QWidget):
    view_changed = Signal(str)
    filters_changed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_buttons: dict[str, QtWidgets.QToolButton] = {}
        group = QtWidgets.QButtonGroup(self)
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for key in VIEWS:
            button = QtWidgets.QToolButton(checkable=True)
            button.setObjectName(f"view_{key}")
            group.addButton(button)
            button.clicked.connect(lambda _checked=False, key=key: self.view_changed.emit(key))
            self.view_buttons[key] = button
            row.addWidget(button)
        row.addSpacing(12)
        self.previous_button = QtWidgets.QToolButton()
        self.today_button = QtWidgets.QToolButton()
        self.next_button = QtWidgets.QToolButton()
        self.period_label = ElidedLabel()  # one line, shortened rather than wrapped or widening the window
        self.period_label.setObjectName("calendarPeriod")
        font = self.period_label.font()
        font.setBold(True)
        self.period_label.setFont(font)
        for widget in (self.previous_button, self.today_button, self.next_button):
            row.addWidget(widget)
        row.addWidget(self.period_label, 1)
        self.find_button = QtWidgets.QPushButton()
        self.all_button = QtWidgets.QPushButton()
        self.new_button = QtWidgets.QPushButton()
        self.export_button = QtWidgets.QPushButton()
        for widget in (self.find_button, self.all_button, self.new_button, self.export_button):
            row.addWidget(widget)
        # Actions (not button shortcuts) so the keys work wherever the focus is on the visible page.
        self.shortcut_actions = []
        for button, keys in ((self.previous_button, "Alt+Left"), (self.next_button, "Alt+Right"),
                             (self.today_button, "Alt+Home"), (self.new_button, "Ctrl+N"),
                             (self.find_button, "Ctrl+Shift+F"), (self.all_button, "Ctrl+Shift+A"),
                             (self.export_button, "Ctrl+E")):
            action = QtGui.QAction(self)
            action.setShortcut(QtGui.QKeySequence(keys))
            action.triggered.connect(button.click)
            self.addAction(action)
            self.shortcut_actions.append(action)

        self.facilitator_combo = QtWidgets.QComboBox()
        self.duo_combo = QtWidgets.QComboBox()
        self.school_combo = QtWidgets.QComboBox()
        self.show_past = QtWidgets.QCheckBox()
        self.filter_labels = [QtWidgets.QLabel() for _ in range(3)]
        filters = QtWidgets.QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for label, combo in zip(self.filter_labels, (self.facilitator_combo, self.duo_combo, self.school_combo),
                                strict=True):
            label.setBuddy(combo)
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self.filters_changed)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        filters.addWidget(self.show_past)
        self.show_past.toggled.connect(self.filters_changed)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(filters)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        titles = {"week": translate("Calendar", "&Week"), "month": translate("Calendar", "&Month"),
                  "list": translate("Calendar", "&List")}
        for key, button in self.view_buttons.items():
            button.setText(titles[key])
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(translate("Calendar", "Previous (Alt+Left)"))
        self.today_button.setText(translate("Calendar", "Today"))
        self.today_button.setToolTip(translate("Calendar", "Back to today (Alt+Home)"))
        self.next_button.setText("▶")
        self.next_button.setToolTip(translate("Calendar", "Next (Alt+Right)"))
        self.find_button.setText(translate("Calendar", "Find a slot…"))
        self.find_button.setToolTip(translate("Calendar", "Times when both classes are free (Ctrl+Shift+F)"))
        self.all_button.setText(translate("Calendar", "All duos…"))
        self.all_button.setToolTip(translate("Calendar", "Common times for every duo over a term: how many slots "
                                                         "each duo has, the first one, or why there is none "
                                                         "(Ctrl+Shift+A)"))
        self.new_button.setText(translate("Calendar", "New visio…"))
        self.new_button.setToolTip(translate("Calendar", "Plan a visio at a time you choose (Ctrl+N)"))
        self.export_button.setText(translate("Calendar", "Export .ics…"))
        self.export_button.setToolTip(translate("Calendar", "Write the visios shown by the filters to a calendar "
                                                            "file (Ctrl+E)"))
        for label, text in zip(self.filter_labels, (translate("Calendar", "&Facilitator:"),
                                                    translate("Calendar", "D&uo:"),
                                                    translate("Calendar", "&School:")), strict=True):
            label.setText(text)
        self.show_past.setText(translate("Calendar", "Show past sessions"))
        self.show_past.setToolTip(translate("Calendar", "List view: include sessions before today"))

    def set_choices(self, facilitators: list[tuple[str, str]], duos: list[DuoView]) -> None:
        """Fill the filters, keeping the current choice when it still exists."""
        schools = sorted_by_text({name for view in duos for name in (view.paris.school, view.partner.school)})
        duos = sorted_by_text(duos, lambda view: view.label)
        facilitators = sorted_by_text(facilitators, lambda entry: entry[1])
        for combo, entries in ((self.facilitator_combo, facilitators),
                               (self.duo_combo, [(view.duo.id or "", view.label) for view in duos]),
                               (self.school_combo, [(name, name) for name in schools])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(translate("Calendar", "All"), "")
            for key, text in entries:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def filters(self) -> tuple[str, str, str]:
        return (self.facilitator_combo.currentData() or "", self.duo_combo.currentData() or "",
                self.school_combo.currentData() or "")
