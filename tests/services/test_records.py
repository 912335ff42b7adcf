import pytest

from classesduo.domain.availability import default_windows
from classesduo.domain.entities import ClassGroup, Duo, Facilitator, School
from classesduo.domain.enums import Side
from classesduo.services import classes, duos, facilitators, schools
from classesduo.services.errors import ConcurrentEditError, InUseError, NotFoundError, ValidationError
from classesduo.services.workspace import Workspace


def _paris() -> School:
    return School(name="École Buffon", side=Side.PARIS, city="Paris", country="FR", timezone="Europe/Paris",
                  arrondissement=5, languages=["fr"], windows=default_windows(Side.PARIS))


def _partner() -> School:
    return School(name="Escuela 12", side=Side.PARTNER, city="Buenos Aires", country="AR",
                  timezone="America/Argentina/Buenos_Aires", languages=["es"], windows=default_windows(Side.PARTNER))


def test_save_and_read_back_a_school_with_its_windows(workspace: Workspace) -> None:
    saved = schools.save_school(workspace.db, _paris())
    assert saved.id and saved.version == 1
    again = schools.get_school(workspace.db, saved.id)
    assert again.windows == default_windows(Side.PARIS)
    assert [s.name for s in schools.list_schools(workspace.db)] == ["École Buffon"]


def test_invalid_school_is_refused_with_the_field(workspace: Workspace) -> None:
    bad = _paris()
    bad.timezone = "Europe/Pariss"
    with pytest.raises(ValidationError) as caught:
        schools.save_school(workspace.db, bad)
    assert caught.value.for_field("timezone")
    assert schools.list_schools(workspace.db) == []


def test_a_stale_edit_is_refused(workspace: Workspace) -> None:
    saved = schools.save_school(workspace.db, _paris())
    mine, theirs = schools.get_school(workspace.db, saved.id), schools.get_school(workspace.db, saved.id)
    theirs.city = "Paris 5e"
    schools.save_school(workspace.db, theirs)
    mine.contact_email = "ce@example.fr"
    with pytest.raises(ConcurrentEditError, match="someone else"):
        schools.save_school(workspace.db, mine)


def test_duo_rules_and_delete_guard(workspace: Workspace) -> None:
    paris = schools.save_school(workspace.db, _paris())
    partner = schools.save_school(workspace.db, _partner())
    paris_class = classes.save_class(workspace.db, ClassGroup(school_id=paris.id, name="CM1 A", level="CM1",
                                                              pupil_count=24))
    partner_class = classes.save_class(workspace.db, ClassGroup(school_id=partner.id, name="4.º", level="4.º",
                                                                pupil_count=20))
    person = facilitators.save_facilitator(workspace.db, Facilitator(name="Camille", languages=["fr", "es"]))
    with pytest.raises(ValidationError) as caught:
        duos.save_duo(workspace.db, Duo(paris_class_id=partner_class.id, partner_class_id=paris_class.id,
                                        school_year="2026-2027"))
    assert {e.field for e in caught.value.errors} == {"paris_class_id", "partner_class_id"}
    duo = duos.save_duo(workspace.db, Duo(paris_class_id=paris_class.id, partner_class_id=partner_class.id,
                                          school_year="2026-2027", facilitator_id=person.id))
    view = duos.get_duo(workspace.db, duo.id)
    assert view.partner.timezone == "America/Argentina/Buenos_Aires" and view.facilitator == "Camille"
    with pytest.raises(InUseError, match=r"^1 duo and 0 sessions use this class"):  # singular for one (not "1 duos")
        classes.delete_class(workspace.db, paris_class.id)
    with pytest.raises(InUseError, match=r"^1 class, 1 duo and 0 sessions use this school"):
        schools.delete_school(workspace.db, paris.id)
    with pytest.raises(InUseError, match=r"^This facilitator runs 1 duo;"):
        facilitators.delete_facilitator(workspace.db, person.id)
    duos.delete_duo(workspace.db, duo.id)
    classes.delete_class(workspace.db, paris_class.id)
    schools.delete_school(workspace.db, paris.id)
    with pytest.raises(NotFoundError):
        schools.get_school(workspace.db, paris.id)
