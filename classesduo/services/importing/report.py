"""What an import tells the user: the problems of a refused file, or the counts of an accepted one."""

from __future__ import annotations

from dataclasses import dataclass, field

from classesduo.domain.i18n import Plural, translate
from classesduo.services.errors import ServiceError


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file; ``line`` and ``field`` are empty for the file as a whole."""

    file: str
    message: str
    line: int | None = None
    field: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += translate("import", ", line {line}").format(line=self.line)
        if self.field:
            where += translate("import", ", field {field}").format(field=self.field)
        return f"{where}: {self.message}"


class ImportRejected(ServiceError):
    """The file was refused; nothing was written. ``problems`` lists every reason, in line order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.field))
        count = len(self.problems)
        head = Plural.tr("%n problem(s); nothing was imported.", "", count)
        super().__init__("\n".join([head, *(str(problem) for problem in self.problems)]))


class ImportCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__(translate("import", "Import cancelled; nothing was imported."))


@dataclass(slots=True)
class ImportSummary:
    kind: str
    file: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged

    def describe(self) -> str:
        text = translate("import", "{file}: {added} added, {updated} updated, {unchanged} unchanged.").format(
            file=self.file, added=self.added, updated=self.updated, unchanged=self.unchanged)
        if self.dry_run:
            text += " " + translate("import", "(Check only: nothing was written.)")
        return text
