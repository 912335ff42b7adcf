"""Warnings when free text looks like it names a child: in the log form, the report preview, the CLI.

The rule is ``domain/child_names.py``; the list ships in ``resources/data/first_names.txt``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from classesduo.domain.child_names import NameList, names_in
from classesduo.domain.text import fold
from classesduo.paths import resources_dir


@cache
def first_names() -> NameList:
    path = resources_dir() / "data" / "first_names.txt"
    return NameList.parse(path.read_text(encoding="utf-8").splitlines())


def known_names(texts: Iterable[str]) -> frozenset[str]:
    """The first names that are part of ``texts`` (schools, cities, facilitators), folded: no child's."""
    return frozenset(fold(name) for text in texts for name in names_in(text, first_names()))


def names_in_text(*texts: str | None, known: Iterable[str] = (), skip: frozenset[str] = frozenset()) -> list[str]:
    """First names found in any of ``texts`` (each once), except those that are part of the ``known`` names
    (the duo's schools, cities and facilitator: "Juan" in "Escuela Juan B. Alberdi" is no child) or, already
    folded, in ``skip`` (from :func:`known_names`, to compute once for many texts)."""
    skip = skip | known_names(known)
    found: dict[str, None] = {}
    for text in texts:
        for name in names_in(text, first_names()):
            if fold(name) not in skip:
                found.setdefault(name, None)
    return list(found)


@dataclass(frozen=True)
class NamedText:
    where: str  # the duo ("École … ↔ …") or the day of a timeline entry
    names: list[str]


def report_name_warnings(data) -> list[NamedText]:  # noqa: ANN001 - a ReportData
    """The free texts of a report (highlights, timeline notes, photo captions) that look like they name a
    child, with the names found; [] when none does."""
    out: list[NamedText] = []
    known = known_names({data.scope_label, *(text for line in data.duos for text in (
        line.paris_school, line.partner_school, line.partner_city, line.facilitator))})
    for line in data.duos:
        found = names_in_text(line.highlights, skip=known)
        if found:
            out.append(NamedText(f"{line.paris_school} ({line.paris_class}) ↔ {line.partner_school}", found))
    for entry in data.timeline:
        found = names_in_text(entry.note, skip=known)
        if found:
            out.append(NamedText(entry.start_utc.date().isoformat(), found))
    for photo in data.photos:
        found = names_in_text(photo.caption, skip=known)
        if found:
            out.append(NamedText(photo.caption, found))
    return out
