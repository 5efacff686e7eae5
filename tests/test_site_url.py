"""A course built to publish names itself by `site_url` in every badge and statement: a build
without one, or with a local one, warns (so `--strict` fails) and says what to set; `serve` does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from course_factory import make_course
from mkdocs_course.adapter.state import site_url_problem
from site_build import build

REPO = Path(__file__).resolve().parents[1]

LOCAL = [
    "http://127.0.0.1:8000/",
    "http://127.5.6.7/course/",
    "http://localhost:8000/",
    "https://app.localhost/",
    "http://[::1]:8000/",
    "http://0.0.0.0:8000/",
    "http://[::]/",
]
PUBLIC = ["https://courses.example/jobs/", "https://example.org", "http://10.1.2.3/", "https://127.0.0.1.example/"]


@pytest.mark.parametrize("site_url", LOCAL)
def test_a_local_site_url_is_named_with_what_badges_would_show(site_url):
    problem = site_url_problem(site_url)
    assert f"`site_url` is {site_url}" in problem
    assert (
        f"badges name their achievement, its creator (without a provider `url`) and its image at {site_url}" in problem
    )
    assert "Set `site_url` in mkdocs.yml to the address the course is published at" in problem


@pytest.mark.parametrize("site_url", PUBLIC)
def test_a_public_site_url_is_fine(site_url):
    assert site_url_problem(site_url) == ""


def test_a_missing_site_url_is_named_with_what_badges_would_show():
    problem = site_url_problem("")
    assert problem.startswith("`site_url` is not set, so badges name the course's achievements")
    assert "Set `site_url` in mkdocs.yml" in problem


@pytest.mark.parametrize("site_url", [None, "http://127.0.0.1:8000/", "http://localhost/course/"])
def test_a_build_without_a_public_site_url_warns_and_strict_fails(tmp_path, site_url):
    course = make_course(tmp_path, blocks=("first-block",), config={"site_url": site_url})

    strict = build(course.root, strict=True, check=False)
    assert not strict.ok
    assert "`site_url` is" in strict.error or any("`site_url` is" in w for w in strict.warnings)

    relaxed = build(course.root, check=False)
    assert relaxed.ok, relaxed.error
    (warning,) = [w for w in relaxed.warnings if "site_url" in w]
    assert warning == f"mkdocs_course: {site_url_problem(site_url or '')}"


def test_serve_does_not_warn_it_names_its_own_address(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",), config={"site_url": "http://127.0.0.1:8000/"})
    built = build(course.root, strict=True, command="serve", check=False)
    assert built.ok, built.error
    assert not [w for w in built.warnings if "site_url" in w]


def test_the_sample_warns_without_site_url_and_builds_strict_with_one(tmp_path, monkeypatch):
    """The sample reads SITE_URL (the README's command to publish sets it); its default is the
    address of `mkdocs serve`."""
    monkeypatch.delenv("SITE_URL", raising=False)
    without = build(REPO, tmp_path / "without", check=False)
    assert without.ok, without.error
    assert f"mkdocs_course: {site_url_problem('http://127.0.0.1:8000/')}" in without.warnings

    monkeypatch.setenv("SITE_URL", "https://courses.example/rejected/")
    build(REPO, tmp_path / "with", strict=True)
