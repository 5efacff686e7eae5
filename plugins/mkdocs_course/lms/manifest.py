"""The manifest an LMS reads when the package is uploaded: `imsmanifest.xml` for SCORM 1.2 and
SCORM 2004 4th edition, `cmi5.xml` for cmi5. Each names the course, launches the launch page and
carries the mastery score (launch.py says how it follows from the pass marks).

tests/test_lms_manifest.py validates each against the official schemas (tests/lms/schemas/)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from . import LAUNCH_PAGE

MANIFEST_FILES = {"scorm12": "imsmanifest.xml", "scorm2004": "imsmanifest.xml", "cmi5": "cmi5.xml"}

XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCORM12 = {
    "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
}
SCORM2004 = {
    "": "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
    "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
    "imsss": "http://www.imsglobal.org/xsd/imsss",
}
CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
# Where each namespace's schema is, as SCORM packages name them (the files are at the package root
# in ADL's examples; LMSs do not fetch them).
_SCHEMA_FILES = {
    SCORM12[""]: "imscp_rootv1p1p2.xsd",
    SCORM12["adlcp"]: "adlcp_rootv1p2.xsd",
    SCORM2004[""]: "imscp_v1p1.xsd",
    SCORM2004["adlcp"]: "adlcp_v1p3.xsd",
    SCORM2004["adlseq"]: "adlseq_v1p3.xsd",
    SCORM2004["adlnav"]: "adlnav_v1p3.xsd",
    SCORM2004["imsss"]: "imsss_v1p0.xsd",
}


def _identifier(text: str, prefix: str) -> str:
    """An xsd:ID (an XML name without colons) made from a course id."""
    return f"{prefix}-{re.sub(r'[^A-Za-z0-9._-]+', '-', text).strip('-') or 'course'}"


def _href(path: str) -> str:
    return quote(path, safe="/")


@dataclass
class _Element:
    tag: str  # `prefix:name`, as the specifications write it
    attributes: dict[str, str]
    text: str | None = None
    children: list[_Element] = field(default_factory=list)

    def xml(self, depth: int = 0) -> str:
        indent = "  " * depth
        attributes = "".join(f" {name}={quoteattr(value)}" for name, value in self.attributes.items())
        if self.children:
            inner = "".join(child.xml(depth + 1) for child in self.children)
            return f"{indent}<{self.tag}{attributes}>\n{inner}{indent}</{self.tag}>\n"
        if self.text is not None:
            return f"{indent}<{self.tag}{attributes}>{escape(self.text)}</{self.tag}>\n"
        return f"{indent}<{self.tag}{attributes}/>\n"


class _Writer:
    """Elements written with the prefixes the specifications use; `xmlns` declarations on the root."""

    def __init__(self, namespaces: dict[str, str]) -> None:
        self.namespaces = namespaces

    def element(self, parent: _Element | None, tag: str, text: str | None = None, **attributes: str) -> _Element:
        node = _Element(tag, {key.replace("__", ":"): value for key, value in attributes.items()}, text)
        if parent is not None:
            parent.children.append(node)
        return node

    def document(self, root: _Element, *, schema_location: bool = True) -> str:
        declarations = {
            f"xmlns:{prefix}" if prefix else "xmlns": namespace for prefix, namespace in self.namespaces.items()
        }
        if schema_location:
            declarations["xmlns:xsi"] = XSI
        root.attributes = declarations | root.attributes
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + root.xml()


def _schema_location(namespaces: dict[str, str]) -> str:
    return " ".join(f"{namespace} {_SCHEMA_FILES[namespace]}" for namespace in namespaces.values())


def _percent_text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _resource(writer: _Writer, resources: _Element, files: Sequence[str], type_attribute: str) -> None:
    resource = writer.element(
        resources,
        "resource",
        identifier="resource-course",
        type="webcontent",
        href=LAUNCH_PAGE,
        **{type_attribute: "sco"},
    )
    for path in sorted(files):
        writer.element(resource, "file", href=_href(path))


def _manifest_with_item(
    writer: _Writer, course: dict[str, Any], schema_version: str, **item_attributes: str
) -> tuple[_Element, _Element]:
    """A SCORM manifest with its metadata and the one organization, whose one item is the course,
    titled as the course (LMSs name the course by it). Returns the manifest and the item."""
    manifest = writer.element(
        None,
        "manifest",
        identifier=_identifier(course["courseId"], "manifest"),
        version="1.0",
        xsi__schemaLocation=_schema_location(writer.namespaces),
    )
    # No IMS metadata (LOM): its 1.2 schema breaks XML Schema's rules, so no validator reads it;
    # LMSs name the course by the organization's title.
    metadata = writer.element(manifest, "metadata")
    writer.element(metadata, "schema", "ADL SCORM")
    writer.element(metadata, "schemaversion", schema_version)
    organizations = writer.element(manifest, "organizations", default="organization-course")
    organization = writer.element(organizations, "organization", identifier="organization-course")
    writer.element(organization, "title", course["title"])
    item = writer.element(
        organization, "item", identifier="item-course", identifierref="resource-course", **item_attributes
    )
    writer.element(item, "title", course["title"])
    return manifest, item


def scorm12_manifest(course: dict[str, Any], files: Sequence[str]) -> str:
    """`imsmanifest.xml` for SCORM 1.2: one SCO, the launch page, with `adlcp:masteryscore`."""
    writer = _Writer(SCORM12)
    manifest, item = _manifest_with_item(writer, course, "1.2", isvisible="true")
    writer.element(item, "adlcp:masteryscore", _percent_text(course["masteryScore"]))
    _resource(writer, writer.element(manifest, "resources"), files, "adlcp__scormtype")
    return writer.document(manifest)


def scorm2004_manifest(course: dict[str, Any], files: Sequence[str]) -> str:
    """`imsmanifest.xml` for SCORM 2004 4th edition: one SCO whose primary objective is satisfied
    by measure (`imsss:minNormalizedMeasure`, the mastery score scaled to 0..1), and each block's
    quiz as an objective named by the block's id."""
    writer = _Writer(SCORM2004)
    manifest, item = _manifest_with_item(writer, course, "2004 4th Edition")
    objectives = writer.element(writer.element(item, "imsss:sequencing"), "imsss:objectives")
    primary = writer.element(objectives, "imsss:primaryObjective", satisfiedByMeasure="true")
    writer.element(primary, "imsss:minNormalizedMeasure", f"{course['masteryScore'] / 100:.4f}")
    for block in course["blocks"]:
        writer.element(objectives, "imsss:objective", objectiveID=block["id"])
    _resource(writer, writer.element(manifest, "resources"), files, "adlcp__scormType")
    return writer.document(manifest)


def course_iri(course: dict[str, Any]) -> str:
    """The course's publisher id in cmi5: from its address when it has one, else a URN of its id."""
    site_url = course.get("siteUrl") or ""
    if site_url:
        return site_url if site_url.endswith("/") else site_url + "/"
    return f"urn:mkdocs-course:{quote(course['courseId'], safe='')}"


def cmi5_course_structure(course: dict[str, Any]) -> str:
    """`cmi5.xml`: the course and its one AU, the launch page, passed and completed once every
    block is passed (`moveOn="CompletedAndPassed"`), with `masteryScore` scaled to 0..1."""
    writer = _Writer({"": CMI5})
    language = course.get("language") or "en"
    structure = writer.element(None, "courseStructure")
    course_element = writer.element(structure, "course", id=course_iri(course))
    description = course.get("description") or course["title"]
    for parent, tag, text in ((course_element, "title", course["title"]), (course_element, "description", description)):
        writer.element(writer.element(parent, tag), "langstring", text, lang=language)
    au = writer.element(
        structure,
        "au",
        id=course_iri(course) + LAUNCH_PAGE if course.get("siteUrl") else course_iri(course) + ":au",
        moveOn="CompletedAndPassed",
        masteryScore=f"{course['masteryScore'] / 100:.4f}",
        launchMethod="AnyWindow",
    )
    for tag, text in (("title", course["title"]), ("description", description)):
        writer.element(writer.element(au, tag), "langstring", text, lang=language)
    writer.element(au, "url", LAUNCH_PAGE)
    return writer.document(structure, schema_location=False)


def manifest_for(course: dict[str, Any], files: Sequence[str]) -> tuple[str, str]:
    """(file name, text) of the manifest of the course's format."""
    lms_format = course["format"]
    if lms_format == "scorm12":
        return MANIFEST_FILES[lms_format], scorm12_manifest(course, files)
    if lms_format == "scorm2004":
        return MANIFEST_FILES[lms_format], scorm2004_manifest(course, files)
    return MANIFEST_FILES[lms_format], cmi5_course_structure(course)
