"""Reading a CSV file defensively: UTF-8 with or without BOM, comma, semicolon or tab, bounded size.

Every refusal is an :class:`ImportRejected` naming the file (and the line when
there is one), so a user can fix the file in their spreadsheet.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from classesduo.domain.i18n import translate
from classesduo.domain.validation import FieldError
from classesduo.services.importing.report import ImportRejected, Problem

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    required: bool = False


@dataclass
class Row:
    """One data line: its cells by column name (only the columns the file has) and the problems found."""

    line: int
    cells: dict[str, str]
    errors: list[FieldError] = field(default_factory=list)

    def has(self, column: str) -> bool:
        return column in self.cells

    def text(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def error(self, column: str, message: str) -> None:
        if not self.has_error(column):
            self.errors.append(FieldError(column, message))

    def has_error(self, column: str) -> bool:
        return any(error.field == column for error in self.errors)

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            self.error(column, translate("validation", "This field is required."))
        return value

    def parse(self, column: str, parser, default=None):  # noqa: ANN001, ANN201 - any parser, any value
        """``parser(text)`` of a non-empty cell; ``default`` for an empty or absent one or a bad value (reported)."""
        value = self.text(column)
        if not value:
            return default
        try:
            return parser(value)
        except ValueError as error:
            self.error(column, str(error))
            return default

    def keep(self, column: str, value: object, current: object, default: object) -> object:
        """``value`` if the file has the column, else the stored ``current`` value (``default`` for a new record)."""
        if self.has(column):
            return value if value is not None else default
        return current if current is not None else default

    def add_validation(self, errors: list[FieldError], rename: dict[str, str] | None = None) -> None:
        """Validation errors of the built record, under the file's column names; one per column."""
        for error in errors:
            self.error((rename or {}).get(error.field, error.field), error.message)


@dataclass
class Table:
    file: str
    columns: list[str]
    rows: list[Row]


def normalise_header(name: str, columns: tuple[Column, ...] = ()) -> str:
    """``Time zone``, ``time-zone``, ``TIMEZONE`` → ``timezone`` when that is a column; else snake case."""
    snake = "_".join(name.strip().replace("-", " ").casefold().split())
    squashed = snake.replace("_", "")
    return next((column.name for column in columns if column.name.replace("_", "") == squashed), snake)


def sniff_delimiter(header_line: str) -> str:
    """The separator the header uses most (semicolon is the French Excel default)."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = translate(
            "import", "The file is not UTF-8 text (byte 0x{byte:02x} on line {line}). Save it as “CSV UTF-8” "
                      "in your spreadsheet and import it again.")
        raise ImportRejected([Problem(name, message.format(byte=data[error.start], line=line))]) from None


def read_table(path: str | Path, columns: tuple[Column, ...]) -> Table:
    """Read ``path`` against the expected ``columns``; refuse it whole if it cannot be read safely."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            message = translate("import", "The file is too large ({size} MB; the limit is {limit} MB). "
                                          "Split it into several files.")
            raise ImportRejected([Problem(name, message.format(size=size // (1024 * 1024),
                                                               limit=MAX_BYTES // (1024 * 1024)))])
        data = path.read_bytes()
    except OSError as error:
        message = translate("import", "The file cannot be read: {error}")
        raise ImportRejected([Problem(name, message.format(error=error.strerror or error))]) from None
    text = _decode(data, name)
    if not text.strip():
        raise ImportRejected([Problem(name, translate(
            "import", "The file is empty; it needs a header line naming the columns, then one line per record."))])
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportRejected([Problem(name, translate(
            "import", "The file contains a NUL character: it is not a CSV text file."), line)])
    header_line = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(header_line))
    problems: list[Problem] = []
    header: list[str] | None = None
    rows: list[Row] = []
    try:
        last_line = 0
        for cells in reader:
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = [normalise_header(cell, columns) for cell in cells]
                problems += _check_header(name, line, header, columns)
                if problems:
                    raise ImportRejected(problems)
                continue
            if len(rows) >= MAX_ROWS:
                message = translate("import", "The file has more than {limit} rows; split it into several files.")
                raise ImportRejected([Problem(name, message.format(limit=MAX_ROWS))])
            if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header):]):
                message = translate("import", "This line has {cells} cells but the header has {columns} columns "
                                              "(a separator inside a value needs quotes).")
                problems.append(Problem(name, message.format(cells=len(cells), columns=len(header)), line))
                continue
            if any(cell.strip() for column, cell in zip(header, cells, strict=False) if not column):
                message = translate("import", "This line has a value in a column without a name in the header.")
                problems.append(Problem(name, message, line))
                continue
            rows.append(Row(line, {column: cell for column, cell in zip(header, cells, strict=False) if column}))
    except csv.Error as error:
        message = translate("import", "The file cannot be read as CSV: {error}")
        problems.append(Problem(name, message.format(error=error), reader.line_num))
    if problems:
        raise ImportRejected(problems)
    assert header is not None
    return Table(name, header, rows)


def _check_header(name: str, line: int, header: list[str], columns: tuple[Column, ...]) -> list[Problem]:
    known = [column.name for column in columns]
    problems = []
    missing = [column.name for column in columns if column.required and column.name not in header]
    if missing:
        message = translate("import", "Missing required column(s): {missing}.")
        problems.append(Problem(name, message.format(missing=", ".join(missing)), line))
    unknown = [column for column in header if column and column not in known]
    if unknown:
        message = translate("import", "Unknown column(s): {unknown}. The columns are: {known}.")
        problems.append(Problem(name, message.format(unknown=", ".join(unknown), known=", ".join(known)), line))
    doubled = sorted({column for column in header if column and header.count(column) > 1})
    if doubled:
        message = translate("import", "Column(s) named twice: {columns}.")
        problems.append(Problem(name, message.format(columns=", ".join(doubled)), line))
    return problems
