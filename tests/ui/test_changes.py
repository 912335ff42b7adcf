"""Change notification: a save refreshes the views that show what it changed, hidden pages when next shown."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from classesduo.services.sessions import list_sessions
from classesduo.ui.changes import PAGE_INTERESTS, Changes, Kind
from classesduo.ui.main_window import AREAS


def _count_refreshes(window) -> Counter:  # noqa: ANN001
    counts: Counter = Counter()
    for key, page in window.pages.items():
        real = page.refresh

        def counting(real=real, key=key) -> None:  # noqa: ANN001
            counts[key] += 1
            real()

        page.refresh = counting
    return counts


def _show(window, key: str) -> None:  # noqa: ANN001
    window.show_area([area.key for area in AREAS].index(key))


def test_a_saved_log_refreshes_the_visible_page_only_and_hidden_ones_on_show(make_window, demo_dir: Path) -> None:
    window = make_window(demo_dir)
    _show(window, "log")
    sessions = [view.session for view in list_sessions(window.workspace.db)]
    saved = sessions[0]
    other_duo = next(s.duo_id for s in sessions if s.duo_id != saved.duo_id)
    window.open_duo(other_duo)
    _show(window, "log")
    counts = _count_refreshes(window)

    window.log_actions._saved(saved)  # what the log form's Save ends with

    assert counts == Counter({"log": 1})  # not every page, as data_changed → refresh_all did
    assert window.changes.stale == {"home", "calendar", "media", "reports"}  # schools, duos, the other duo: no
    _show(window, "calendar")
    assert counts["calendar"] == 1
    _show(window, "log")
    _show(window, "calendar")
    assert counts["calendar"] == 1  # refreshed once, not on every show
    _show(window, "schools")
    assert counts["schools"] == 0
    assert counts["log"] == 1


def test_the_duo_page_refreshes_for_its_own_duo(make_window, demo_dir: Path) -> None:
    window = make_window(demo_dir)
    sessions = [view.session for view in list_sessions(window.workspace.db)]
    mine = sessions[0]
    window.open_duo(mine.duo_id)
    counts = _count_refreshes(window)
    window.log_actions._saved(next(s for s in sessions if s.duo_id != mine.duo_id))
    assert counts["duo"] == 0 and "duo" not in window.changes.stale
    window.log_actions._saved(mine)
    assert counts["duo"] == 1


def test_anything_may_have_changed_refreshes_the_visible_page_and_stales_the_rest(make_window,
                                                                                  demo_dir: Path) -> None:
    window = make_window(demo_dir)
    _show(window, "schools")
    counts = _count_refreshes(window)
    window.data_changed.emit()  # a restore, an import, the demo
    assert counts == Counter({"schools": 1})
    assert window.changes.stale == set(window.pages) - {"schools"}


def test_changes_concern_only_the_views_showing_them() -> None:
    log = Changes.sessions("d1")
    assert log.concern(PAGE_INTERESTS["log"]) and log.concern(PAGE_INTERESTS["calendar"])
    assert not log.concern(PAGE_INTERESTS["schools"]) and not log.concern(PAGE_INTERESTS["duos"])
    assert log.concern(PAGE_INTERESTS["duo"], "d1") and not log.concern(PAGE_INTERESTS["duo"], "d2")
    assert Changes.sessions().concern(PAGE_INTERESTS["duo"], "d2")  # which duo unknown: refresh
    school = Changes.of(Kind.SCHOOLS)
    assert school.concern(PAGE_INTERESTS["duo"], "d2")  # names show everywhere
    assert not Changes.of(Kind.PREFERENCES).concern(PAGE_INTERESTS["log"])
    assert Changes.of(Kind.PREFERENCES).concern(PAGE_INTERESTS["calendar"])  # the buffer
    assert not Changes.of(Kind.MEDIA, duos=["d1"]).concern(PAGE_INTERESTS["media"], "d2")


def test_the_log_form_reads_the_language_list_before_save(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    """The first Save no longer waits most of a second for pycountry: the list is read while the form is open."""
    from classesduo.domain import validation

    window = make_window(demo_dir)
    validation._language_codes.cache_clear()
    form = window.log_actions.open_form()  # an unplanned exchange
    assert form is not None
    qtbot.waitUntil(lambda: validation._language_codes.cache_info().currsize == 1, timeout=10_000)
    form.reject()
