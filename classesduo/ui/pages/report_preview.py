"""The live preview of a report: key figures, the tables and the two charts, in the report's language.

The preview shows the document as it will be written, so its contents follow
the report's language (``labels.py``), while the page around it follows the
app's language (``translate()``).
"""

from __future__ import annotations

import html
from datetime import date

from classesduo.services.reports.labels import Labels, labels_for
from classesduo.domain.text import natural_key
from classesduo.services.reports.model import ReportData
from classesduo.services.reports.tables import HEADLINE_KEYS, Table, report_tables
from classesduo.domain.i18n import Plural
from classesduo.ui.context_menus import add_copy_actions
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate

# The role of a row's first cell that holds its duo's id, in the tables listing duos.
DUO_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


class ReportPreview(QtWidgets.QWidget):
    """Each table's context menu (right-click, the Menu key, Shift+F10) copies the selected cells (Ctrl+C) and
    selects all (Ctrl+A); in the tables listing duos it first opens the row's duo (Enter, double-click)."""

    duo_requested = Signal(str)  # a duo id

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ReportData | None = None
        self.figure_labels: dict[str, QtWidgets.QLabel] = {}
        figures = QtWidgets.QFrame()
        figures.setObjectName("reportFigures")
        grid = QtWidgets.QGridLayout(figures)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setVerticalSpacing(2)
        for index, key in enumerate(HEADLINE_KEYS):
            label = QtWidgets.QLabel()
            label.setTextFormat(QtCore.Qt.TextFormat.RichText)
            grid.addWidget(label, index // 2, index % 2)  # two a row: fits 1280 px in French
            self.figure_labels[key] = label
        figures.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Fixed)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setMinimumHeight(240)  # the charts shrink rather than push the window past 720 px
        self.tables: dict[str, QtWidgets.QTableWidget] = {}
        self.charts_tab = QtWidgets.QWidget()
        self.charts_layout = QtWidgets.QHBoxLayout(self.charts_tab)
        self.chart_views: list[QtWidgets.QWidget] = []
        # Shown before anything is exported when a highlight, note or caption seems to name a child.
        self.names_warning = QtWidgets.QLabel(wordWrap=True)
        self.names_warning.setObjectName("reportChildNames")
        self.names_warning.setProperty("role", "fieldError")
        self.names_warning.hide()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.names_warning)
        layout.addWidget(figures)
        layout.addWidget(self.tabs, 1)

    def set_data(self, data: ReportData | None, lang: str) -> None:
        self.data = data
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.tables.clear()
        self._warn_names(data)
        if data is None:
            for label in self.figure_labels.values():
                label.clear()
            return
        label = labels_for(lang)
        for key, widget in self.figure_labels.items():
            widget.setText(f"<span style='font-size:14pt; font-weight:600'>"
                           f"{html.escape(label.number(getattr(data.headline, key)))}"
                           f"</span>&nbsp; {html.escape(label(f'h.{key}'))}")
        tables = report_tables(data, label)
        duo_rows = {"duos": data.duos, "quiet": data.quiet_duos}  # the tables' rows, in the same order
        for table in tables[1:]:
            widget = self._table_widget(table, label, [line.duo_id for line in duo_rows.get(table.key, [])])
            self.tables[table.key] = widget
            self.tabs.addTab(widget, f"{table.title} ({len(table.rows)})")
        self._charts(data, label)
        self.tabs.addTab(self.charts_tab, label("section.charts"))
        if data.is_single_duo:
            self.tabs.addTab(self._photos(data, label), f"{label('section.photos')} ({len(data.photos)})")
        self.tabs.setCurrentIndex(max(0, current))

    def _warn_names(self, data: ReportData | None) -> None:
        from classesduo.services.child_names import report_name_warnings

        found = report_name_warnings(data) if data is not None else []
        self.names_warning.setVisible(bool(found))
        if found:
            names = list(dict.fromkeys(name for text in found for name in text.names))
            self.names_warning.setText(Plural.tr(
                "Possible children's names in %n text(s) of this report ({names}): edit those logs or captions "
                "before exporting — reports count children, never name them.", "", len(found)).format(
                names=", ".join(names[:6])))
            self.names_warning.setToolTip("\n".join(f"{text.where}: {', '.join(text.names)}" for text in found))

    def _table_widget(self, table: Table, label: Labels, duo_ids: list[str]) -> QtWidgets.QTableWidget:
        widget = QtWidgets.QTableWidget(len(table.rows), len(table.headers))
        widget.setTabKeyNavigation(False)  # Tab leaves the table
        widget.setHorizontalHeaderLabels(table.headers)
        widget.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        widget.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        widget.setAlternatingRowColors(True)
        widget.verticalHeader().hide()
        widget.horizontalHeader().setStretchLastSection(True)
        for row, values in enumerate(table.rows):
            for column, value in enumerate(values):
                item = _Item()
                if isinstance(value, int | float):
                    item.setData(QtCore.Qt.ItemDataRole.DisplayRole, value)
                    item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
                elif isinstance(value, date):
                    item.setText(label.date(value))
                    item.setData(QtCore.Qt.ItemDataRole.UserRole, value.isoformat())
                else:
                    item.setText("" if value is None else str(value))
                    item.setData(QtCore.Qt.ItemDataRole.UserRole, natural_key(item.text()))
                if column == 0 and duo_ids:
                    item.setData(DUO_ROLE, duo_ids[row])
                widget.setItem(row, column, item)
        if duo_ids:
            self._add_open_duo(widget)
        add_copy_actions(widget)
        widget.horizontalHeader().setSortIndicator(-1, QtCore.Qt.SortOrder.AscendingOrder)
        widget.setSortingEnabled(True)  # the report's own order until the user clicks a header
        widget.resizeColumnsToContents()
        for column in range(widget.columnCount()):
            widget.setColumnWidth(column, min(widget.columnWidth(column), 320))
        return widget

    def _add_open_duo(self, widget: QtWidgets.QTableWidget) -> None:
        def open_row(index: QtCore.QModelIndex | None = None) -> None:
            row = (index if index is not None else widget.currentIndex()).row()
            item = widget.item(row, 0) if row >= 0 else None
            if item is not None and item.data(DUO_ROLE):
                self.duo_requested.emit(item.data(DUO_ROLE))

        action = QtGui.QAction(widget)
        action.setObjectName("openDuo")
        action.setText(translate("ReportPreview", "Open the duo (Enter)"))
        action.triggered.connect(lambda: open_row())
        widget.addAction(action)
        widget.activated.connect(open_row)  # Enter or a double-click on a row

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:  # the page's language, not the report's
            for action in self.findChildren(QtGui.QAction, "openDuo"):
                action.setText(translate("ReportPreview", "Open the duo (Enter)"))
        super().changeEvent(event)

    def _photos(self, data: ReportData, label: Labels) -> QtWidgets.QWidget:
        """The cleared photos the PDF will show, as thumbnails (at most six small images)."""
        from classesduo.ui.qt import QtGui

        widget = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(widget)
        if not data.photos:
            layout.addWidget(QtWidgets.QLabel(label("none")))
        for photo in data.photos:
            reader = QtGui.QImageReader(str(photo.path))
            reader.setAutoTransform(True)
            if reader.size().isValid():
                reader.setScaledSize(reader.size().scaled(200, 200, QtCore.Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            cell = QtWidgets.QVBoxLayout()
            picture = QtWidgets.QLabel()
            picture.setPixmap(QtGui.QPixmap.fromImage(image))
            cell.addWidget(picture)
            caption = QtWidgets.QLabel(" — ".join(part for part in (label.date(photo.day), photo.caption) if part),
                                       wordWrap=True)
            caption.setMaximumWidth(200)
            cell.addWidget(caption)
            cell.addStretch(1)
            layout.addLayout(cell)
        layout.addStretch(1)
        return widget

    def _charts(self, data: ReportData, label: Labels) -> None:
        from PySide6 import QtCharts

        from classesduo.services.reports.charts import countries_chart, over_time_chart

        for view in self.chart_views:
            self.charts_layout.removeWidget(view)
            view.deleteLater()
        self.chart_views = []
        for chart in (over_time_chart(data, label, 9), countries_chart(data, label, 9)):
            view = QtCharts.QChartView(chart)
            view.setMinimumHeight(260)
            self.charts_layout.addWidget(view, 1)
            self.chart_views.append(view)


class _Item(QtWidgets.QTableWidgetItem):
    """Sorts dates by their ISO form, text without regard to accents or case, numbers as numbers."""

    def __lt__(self, other: QtWidgets.QTableWidgetItem) -> bool:
        mine, theirs = self.data(QtCore.Qt.ItemDataRole.UserRole), other.data(QtCore.Qt.ItemDataRole.UserRole)
        if isinstance(mine, str | tuple) and type(mine) is type(theirs):
            return mine < theirs
        return super().__lt__(other)
