"""The names of the PDFs in the schools' zip (decision 0114): the school's code and name in characters
every file system and zip tool takes."""

from outcomes.surveys.models import School
from outcomes.surveys.school_reports import member_name, safe_name


def test_a_name_keeps_letters_and_digits_and_joins_the_rest_with_dashes():
    assert safe_name("St Mary's CE (VA) Primary – Rawmarsh") == "St-Marys-CE-VA-Primary-Rawmarsh"
    assert safe_name("École Saint-Père 2") == "Ecole-Saint-Pere-2"
    assert safe_name("../../etc/passwd") == "etc-passwd"


def test_a_name_with_nothing_safe_left_is_still_a_name():
    assert safe_name("…") == "school"
    assert len(safe_name("A" * 500)) == 80


def test_a_schools_pdf_is_named_by_its_code_then_its_name():
    school = School(code="wath-central", name="Wath Central Primary")
    assert member_name(school) == "wath-central-Wath-Central-Primary.pdf"
