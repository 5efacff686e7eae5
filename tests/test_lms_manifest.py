"""The three LMS packages of the fixture course: their manifests are valid against the official
schemas (tests/lms/schemas/, with their provenance), name the course, launch the launch page and
carry the mastery score from the pass marks."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema

from mkdocs_course.lms.launch import mastery_score, read_launch_data
from mkdocs_course.lms.manifest import cmi5_course_structure, scorm12_manifest, scorm2004_manifest
from mkdocs_course.lms.package import package_course
from mkdocs_course.skeleton.cli import main

TESTS = Path(__file__).parent
SCHEMAS = TESTS / "lms" / "schemas"
FIXTURE = TESTS / "fixtures" / "course"


def _scorm12_schema() -> xmlschema.XMLSchema10:
    # ADL's ims_xml.xsd binds the default namespace to the xml: namespace, which XML Namespaces
    # forbids, so no parser reads it: W3C's xml.xsd (in the 2004 set) declares the same attributes.
    return xmlschema.XMLSchema10(
        str(SCHEMAS / "scorm12" / "imscp_rootv1p1p2.xsd"),
        locations=[("http://www.adlnet.org/xsd/adlcp_rootv1p2", str(SCHEMAS / "scorm12" / "adlcp_rootv1p2.xsd"))],
        uri_mapper=lambda url: str(SCHEMAS / "scorm2004" / "xml.xsd") if url.endswith("/ims_xml.xsd") else url,
        allow="local",
    )


def _scorm2004_schema() -> xmlschema.XMLSchema10:
    folder = SCHEMAS / "scorm2004"
    imports = {
        "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
        "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    }
    return xmlschema.XMLSchema10(
        str(folder / "imscp_v1p1.xsd"),
        locations=[(namespace, str(folder / name)) for namespace, name in imports.items()],
        uri_mapper={"http://www.w3.org/2001/xml.xsd": str(folder / "xml.xsd")},  # never the network
        allow="local",
    )


SCHEMA_MAKERS = {
    "scorm12": _scorm12_schema,
    "scorm2004": _scorm2004_schema,
    "cmi5": lambda: xmlschema.XMLSchema10(str(SCHEMAS / "cmi5" / "CourseStructure.xsd"), allow="local"),
}
MANIFEST = {"scorm12": "imsmanifest.xml", "scorm2004": "imsmanifest.xml", "cmi5": "cmi5.xml"}


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    """Each format built from the fixture course with the one command's code: {format: zip}."""
    out = tmp_path_factory.mktemp("packages")
    return {
        name: zipfile.ZipFile(package_course(FIXTURE / "mkdocs.yml", name, out / f"{name}.zip").path)
        for name in MANIFEST
    }


@pytest.mark.parametrize("lms_format", MANIFEST)
def test_manifest_is_valid_against_the_official_schema(packages, lms_format):
    manifest = packages[lms_format].read(MANIFEST[lms_format]).decode()
    SCHEMA_MAKERS[lms_format]().validate(manifest)


@pytest.mark.parametrize(
    ("lms_format", "broken"),
    [
        ("scorm12", ("<adlcp:masteryscore>", "<adlcp:masterscore>")),
        ("scorm2004", ("<imsss:minNormalizedMeasure>0.7500", "<imsss:minNormalizedMeasure>1.7500")),
        ("cmi5", ('masteryScore="0.7500"', 'masteryScore="75"')),
    ],
)
def test_the_schemas_catch_a_broken_manifest(packages, lms_format, broken):
    manifest = packages[lms_format].read(MANIFEST[lms_format]).decode()
    assert broken[0] in manifest
    changed = manifest.replace(broken[0], broken[1]).replace("</adlcp:masteryscore>", "</adlcp:masterscore>")
    assert not SCHEMA_MAKERS[lms_format]().is_valid(changed)


def test_each_manifest_names_the_course_launches_its_page_and_takes_the_pass_marks(packages):
    # The fixture's pass marks: alpha 75 (its quiz file), beta 50 (the course's).
    scorm12 = ET.fromstring(packages["scorm12"].read("imsmanifest.xml"))
    namespaces = {
        "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    }
    assert scorm12.findtext("cp:organizations/cp:organization/cp:title", namespaces=namespaces) == "Fixture course"
    assert scorm12.findtext(".//adlcp:masteryscore", namespaces=namespaces) == "75"
    assert scorm12.find(".//cp:resource", namespaces).get("href") == "lms.html"
    listed = {node.get("href") for node in scorm12.iterfind(".//cp:file", namespaces)}
    assert listed == set(packages["scorm12"].namelist()) - {"imsmanifest.xml"}

    scorm2004 = packages["scorm2004"].read("imsmanifest.xml").decode()
    assert '<imsss:primaryObjective satisfiedByMeasure="true">' in scorm2004
    assert "<imsss:minNormalizedMeasure>0.7500</imsss:minNormalizedMeasure>" in scorm2004
    assert re.findall(r'<imsss:objective objectiveID="([^"]+)"', scorm2004) == ["alpha", "beta"]
    assert "<schemaversion>2004 4th Edition</schemaversion>" in scorm2004

    cmi5 = ET.fromstring(packages["cmi5"].read("cmi5.xml"))
    au = cmi5.find("{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}au")
    assert (au.get("masteryScore"), au.get("moveOn")) == ("0.7500", "CompletedAndPassed")
    assert "Fixture course" in ET.tostring(cmi5, encoding="unicode")
    for package in packages.values():
        launch = read_launch_data(package.read("lms.html").decode())
        assert (launch["courseId"], launch["masteryScore"]) == ("fixture", 75)
        assert [block["passMark"] for block in launch["blocks"]] == [75, 50]


@pytest.mark.parametrize(
    ("marks", "expected"),
    [([50, 50], 50), ([75, 50], 75), ([66.666, 50], 66.66), ([], 60)],
)
def test_the_mastery_score_is_the_highest_pass_mark_rounded_down(marks, expected):
    assert mastery_score(marks, default=60) == expected


def test_author_text_is_escaped_in_every_manifest():
    course = {
        "format": "scorm12",
        "courseId": "9 lives & <more>",
        "title": 'Cats & "dogs" <b>',
        "description": "</description>",
        "language": "en",
        "masteryScore": 50,
        "siteUrl": "",
        "blocks": [{"id": "one", "title": "One", "passMark": 50}],
    }
    for manifest in (
        scorm12_manifest(course, ["a&b.html"]),
        scorm2004_manifest(course, []),
        cmi5_course_structure(course),
    ):
        root = ET.fromstring(manifest)  # well-formed
        assert 'Cats & "dogs" <b>' in [node.text for node in root.iter()]


@pytest.mark.parametrize("lms_format", MANIFEST)
def test_the_sample_course_packages_with_one_command_and_a_valid_manifest(tmp_path, capsys, lms_format):
    """What an author types, on the course that ships in content/."""
    output = tmp_path / f"sample-{lms_format}.zip"
    assert main(["package", "--format", lms_format, "-f", str(TESTS.parent / "mkdocs.yml"), "-o", str(output)]) == 0
    assert "Rejected? Regroup and reapply" in capsys.readouterr().out
    package = zipfile.ZipFile(output)
    manifest = package.read(MANIFEST[lms_format]).decode()
    SCHEMA_MAKERS[lms_format]().validate(manifest)
    blocks = ["not-invited", "after-the-interview", "handling-rejection", "moving-forward"]
    assert {f"{block}/quiz.html" for block in blocks} <= set(package.namelist())
    if lms_format == "scorm2004":
        assert all(f'objectiveID="{block}"' in manifest for block in blocks), manifest
