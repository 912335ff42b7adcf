from datetime import date, time

from classesduo.domain.availability import HolidayPeriod, WeeklyWindow, default_windows
from classesduo.domain.entities import ClassGroup, Duo, Facilitator, School
from classesduo.domain.enums import Side
from classesduo.domain.validation import validate_class, validate_duo, validate_facilitator, validate_school


def paris_school(**changes: object) -> School:
    school = School(name="École Buffon", side=Side.PARIS, city="Paris", country="FR", timezone="Europe/Paris",
                    arrondissement=5, languages=["fr"], windows=default_windows(Side.PARIS))
    for name, value in changes.items():
        setattr(school, name, value)
    return school


def fields(errors: list) -> set[str]:
    return {error.field for error in errors}


def test_a_good_paris_school_passes() -> None:
    assert validate_school(paris_school()) == []


def test_each_bad_field_is_named() -> None:
    assert fields(validate_school(paris_school(timezone="Europe/Pariss"))) == {"timezone"}
    assert fields(validate_school(paris_school(country="XX"))) == {"country"}
    assert fields(validate_school(paris_school(arrondissement=21))) == {"arrondissement"}
    assert fields(validate_school(paris_school(arrondissement=None))) == {"arrondissement"}
    assert fields(validate_school(paris_school(contact_email="not-an-email"))) == {"contact_email"}
    assert fields(validate_school(paris_school(name="  "))) == {"name"}
    assert fields(validate_school(paris_school(languages=["french"]))) == {"languages"}
    backwards = [WeeklyWindow(1, time(16, 30), time(15, 0))]
    assert fields(validate_school(paris_school(windows=backwards))) == {"windows"}
    bad_holiday = [HolidayPeriod("Noël", date(2027, 1, 3), date(2026, 12, 19))]
    assert fields(validate_school(paris_school(holidays=bad_holiday))) == {"holidays"}


def test_timezone_message_names_the_zone() -> None:
    (error,) = validate_school(paris_school(timezone="Mars/Olympus"))
    assert "Mars/Olympus" in error.message


def test_partner_school_has_no_arrondissement() -> None:
    partner = School(name="Escuela 12", side=Side.PARTNER, city="Buenos Aires", country="AR",
                     timezone="America/Argentina/Buenos_Aires", arrondissement=3)
    assert fields(validate_school(partner)) == {"arrondissement"}


def test_class_and_facilitator_rules() -> None:
    assert fields(validate_class(ClassGroup(school_id="s", name="CM1", level="CM1", pupil_count=-1))) == {
        "pupil_count"}
    assert validate_class(ClassGroup(school_id="s", name="CM1", level="CM1", pupil_count=0)) == []
    assert fields(validate_facilitator(Facilitator(name="Awa", email="awa@"))) == {"email"}


def test_duo_needs_one_class_on_each_side() -> None:
    duo = Duo(paris_class_id="a", partner_class_id="b", school_year="2026-2027", tools=["visio"])
    assert validate_duo(duo, Side.PARIS, Side.PARTNER) == []
    assert fields(validate_duo(duo, Side.PARTNER, Side.PARTNER)) == {"paris_class_id"}
    duo.school_year = "2026"
    duo.tools = ["pigeon"]
    assert fields(validate_duo(duo, Side.PARIS, Side.PARTNER)) == {"school_year", "tools"}


def test_an_empty_window_and_a_backwards_one_are_both_reported() -> None:
    empty = WeeklyWindow(1, time(15, 0), time(15, 0))
    backwards = WeeklyWindow(4, time(16, 30), time(15, 0))
    errors = validate_school(paris_school(windows=[empty, backwards]))
    assert [e.field for e in errors] == ["windows", "windows"]
    assert "15:00–15:00" in errors[0].message and "16:30–15:00" in errors[1].message
    assert fields(validate_school(paris_school(windows=[WeeklyWindow(7, time(9), time(10))]))) == {"windows"}
