"""Blocks come out as an author means them: in natural folder order and titled by their first pages'
headings when mkdocs.yml has no `nav:`, and never "Block 1: Block 1: ..."."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from course_factory import LESSON, make_course
from mkdocs_course.course.structure import block_folders, block_title, fallback_title, first_heading, shown_id
from site_build import build


@pytest.mark.parametrize(
    ("folders", "ordered"),
    [
        (["10-end", "2-middle", "1-intro"], ["1-intro", "2-middle", "10-end"]),
        (["b", "A", "c"], ["A", "b", "c"]),
        (["week10", "week9", "week1"], ["week1", "week9", "week10"]),
    ],
)
def test_block_folders_sort_naturally(folders, ordered):
    assert block_folders(f"{folder}/index.md" for folder in folders) == ordered


@pytest.mark.parametrize(
    ("folder", "shown", "title"),
    [
        ("01-before-you-write", "before-you-write", "Before you write"),
        ("1_intro", "intro", "Intro"),
        ("02 the middle", "the middle", "The middle"),
        ("2024", "2024", "2024"),
        ("not-invited", "not-invited", "Not invited"),
        ("week1", "week1", "Week1"),
    ],
)
def test_ids_shown_to_learners_lose_their_number(folder, shown, title):
    assert shown_id(folder) == shown
    assert fallback_title(folder) == title


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Block 1: Getting started", "Getting started"),
        ("block 12 - Wrapping up", "Wrapping up"),
        ("Block 3. Reading", "Reading"),
        ("Getting started", "Getting started"),
        ("Blocks of colour", "Blocks of colour"),
        ("Block 1:", "Block 1:"),
    ],
)
def test_block_titles_lose_a_block_number_the_pages_add(title, shown):
    assert block_title(title) == shown


@pytest.mark.parametrize(
    ("markdown", "heading"),
    [
        ("# Welcome\n\nText.\n", "Welcome"),
        ("Intro text.\n\n# Later heading {#later}\n", "Later heading"),
        ("```\n# not a heading\n```\n\n# The heading #\n", "The heading"),
        ("The title\n=========\n", "The title"),
        ("## Only a second level\n", ""),
    ],
)
def test_first_heading(markdown, heading):
    assert first_heading(markdown) == heading


def _course_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="course-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def _nav_titles(html: str) -> list[str]:
    """The primary navigation's section titles (material's `md-nav__item--section` labels)."""
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", label)).strip()
        for label in re.findall(r'<label class="md-nav__link"[^>]*>(.*?)</label>', html, re.S)
    ]


def test_course_without_nav_orders_blocks_naturally_and_titles_them_by_their_first_pages(tmp_path):
    course = make_course(tmp_path, blocks=("1-intro", "2-middle", "10-end"))
    course.write_page("1-intro/index.md", LESSON.format(title="Welcome to the course"))
    course.write_page("2-middle/index.md", "---\ntitle: The middle part\n---\n\nText.\n\n## The point\n")
    course.write_page("10-end/index.md", LESSON.format(title="Putting it together {#together}"))
    for block in ("1-intro", "2-middle", "10-end"):  # pages inside a block sort naturally too
        course.write_page(f"{block}/10-last.md", LESSON.format(title="Last"))
        course.write_page(f"{block}/2-second.md", LESSON.format(title="Second"))
    built = build(course.root, strict=True)

    home = (built.site_dir / "index.html").read_text(encoding="utf-8")
    blocks = _course_data(home)["blocks"]
    assert [b["id"] for b in blocks] == ["1-intro", "2-middle", "10-end"]
    assert [b["title"] for b in blocks] == ["Welcome to the course", "The middle part", "Putting it together"]
    assert [b["number"] for b in blocks] == [1, 2, 3]
    assert re.search(r"Welcome to the course.*The middle part.*Putting it together", home, re.S)
    assert "10 end" not in home and "1 intro" not in home
    achievements = (built.site_dir / "achievements" / "index.html").read_text(encoding="utf-8")
    assert "Block 3: Putting it together" in achievements
    assert "Block 1: Welcome to the course" in achievements
    # In each block: its index page, then 2-second, 10-last, then the quiz.
    order = list(dict.fromkeys(re.findall(r'href="(2-middle/[^"#]*)"', home)))
    assert order.index("2-middle/2-second/") < order.index("2-middle/10-last/") < order.index("2-middle/quiz/")


def test_course_without_nav_falls_back_to_the_folder_name_without_its_number(tmp_path):
    course = make_course(tmp_path, blocks=("01-before-you-write",))
    course.write_page("01-before-you-write/index.md", "No heading here.\n\n## The point\n")
    built = build(course.root, strict=True)
    home = (built.site_dir / "index.html").read_text(encoding="utf-8")
    (block,) = _course_data(home)["blocks"]
    assert block["id"] == "01-before-you-write"  # the learner's record stays keyed by the folder
    assert block["title"] == "Before you write"
    assert "01 before you write" not in home


def test_a_nav_section_titled_block_1_is_shown_with_its_number_once(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [
        {"Home": "index.md"},
        {"Block 1: Getting started": ["first-block/index.md", "first-block/more.md"]},
    ]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    built = build(course.root, strict=True)

    site = built.site_dir
    achievements = (site / "achievements" / "index.html").read_text(encoding="utf-8")
    assert "Block 1: Getting started" in achievements
    home = (site / "index.html").read_text(encoding="utf-8")
    (block,) = _course_data(home)["blocks"]
    assert block["title"] == "Getting started"  # the browser puts "Block 1: " before it
    for page in site.rglob("*.html"):
        assert "Block 1: Block 1" not in page.read_text(encoding="utf-8"), page
    assert "Block 1: Getting started" in _nav_titles(home)  # the navigation shows the author's title
