"""The course plugin builds real sites: generated pages in the right places, working links, data."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from course_factory import QUIZ_OK, make_course
from mkdocs_course.quiz.sealing import sealing_key, unseal
from site_build import build

REPO = Path(__file__).resolve().parents[1]


class _NavLinks(HTMLParser):
    """The primary navigation's links, in order, with their text."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._depth = 0
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "md-nav--primary" in (attrs.get("class") or ""):
            self._depth = 1
        elif self._depth and tag == "nav":
            self._depth += 1
        if self._depth and tag == "a" and "md-nav__link" in (attrs.get("class") or ""):
            self._href, self._text = attrs.get("href"), []

    def handle_endtag(self, tag):
        if self._depth and tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None
        if self._depth and tag == "nav":
            self._depth -= 1

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)


def nav_links(html: str) -> list[tuple[str, str]]:
    parser = _NavLinks()
    parser.feed(html)
    return parser.links


def payload(site: Path, block: str) -> dict:
    html = (site / block / "quiz" / "index.html").read_text(encoding="utf-8")
    data = re.search(r'class="course-quiz__data">(.*?)</template>', html, re.S)
    assert data, "the quiz page carries its data"
    return json.loads(data.group(1))


def test_quiz_ends_each_block_and_achievements_ends_the_nav(tmp_path):
    course = make_course(tmp_path)
    build(course.root, strict=True)

    html = (course.site / "index.html").read_text(encoding="utf-8")
    hrefs = [href for href, _ in nav_links(html)]
    wanted = [
        "first-block/",
        "first-block/more/",
        "first-block/quiz/",
        "second-block/",
        "second-block/more/",
        "second-block/quiz/",
        "achievements/",
    ]
    positions = [
        next(
            i
            for i, href in enumerate(hrefs)
            if href.rstrip("/").endswith(w.rstrip("/")) and href.count("/") >= w.count("/")
        )
        for w in wanted
    ]
    assert positions == sorted(positions), hrefs

    quiz_html = (course.site / "first-block" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert 'href="../more/"' in quiz_html  # previous page link in the footer
    assert 'href="../../second-block/"' in quiz_html  # next page: the next block


def test_explicit_nav_keeps_author_order_and_section_titles(tmp_path):
    course = make_course(
        tmp_path,
        config={
            "nav": [
                {"Home": "index.md"},
                {"Second comes first": ["second-block/index.md", "second-block/more.md"]},
                {"Then the first": ["first-block/index.md", "first-block/more.md"]},
            ]
        },
    )
    build(course.root, strict=True)

    data = json.loads(
        re.search(r'id="course-data">(.*?)</script>', (course.site / "index.html").read_text(encoding="utf-8")).group(1)
    )
    assert [(b["id"], b["number"], b["title"]) for b in data["blocks"]] == [
        ("second-block", 1, "Second comes first"),
        ("first-block", 2, "Then the first"),
    ]
    assert payload(course.site, "second-block")["blockTitle"] == "Second comes first"


def test_review_links_resolve_to_the_lesson_heading(tmp_path):
    course = make_course(tmp_path)
    course.write_quiz(
        "second-block", QUIZ_OK.replace("review: index.md#the-point", "review: ../first-block/more.md#the-point")
    )
    build(course.root, strict=True)

    first = {q["id"]: q for q in payload(course.site, "first-block")["questions"]}
    second = {q["id"]: q for q in payload(course.site, "second-block")["questions"]}
    assert (first["say-it"]["reviewUrl"], first["say-it"]["reviewTitle"]) == ("../#the-point", "First Block")
    assert second["say-it"]["reviewUrl"] == "../../first-block/more/#the-point"
    target = course.site / "first-block" / "more" / "index.html"
    assert 'id="the-point"' in target.read_text(encoding="utf-8")


def test_quiz_markdown_uses_the_site_markdown_and_link_rewriting(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz(
        "first-block",
        """\
intro: |
  !!! note "Before you start"
      Read [the lesson](more.md) first.
questions:
  - id: a
    type: true_false
    prompt: Is *this* **Markdown**?
    answer: true
    explanation: See [more](more.md#the-point).
""",
    )
    build(course.root, strict=True)

    data = payload(course.site, "first-block")
    page = (course.site / "first-block" / "quiz" / "index.html").read_text(encoding="utf-8")
    intro = page[page.index('<div class="course-quiz__intro">') : page.index('<p class="course-quiz__nojs">')]
    assert '<div class="admonition note">' in intro
    assert 'href="../more/"' in intro
    prompt = '<div class="course-q__prompt" id="course-q-a-0-prompt">'
    assert prompt + "<p>Is <em>this</em> <strong>Markdown</strong>?</p></div>" in page
    key = sealing_key(data["salt"], "a", 0, "explanation")
    assert 'href="../more/#the-point"' in unseal(data["questions"][0]["variants"][0]["explanationSealed"], key)
    assert "course-field" not in page  # each rendered field is in its place once, never between markers


def test_home_page_shows_course_overview(tmp_path):
    course = make_course(
        tmp_path,
        plugin_options={
            "description": "A course <about> things.",
            "outcomes": ["Do one thing.", "Do another."],
            "hours": 3.5,
        },
    )
    build(course.root, strict=True)

    html = (course.site / "index.html").read_text(encoding="utf-8")
    overview = html[html.index("data-course-overview") :]
    assert "A course &lt;about&gt; things." in overview
    assert "Do one thing." in overview and "Do another." in overview
    assert "about 3.5 hours" in overview
    assert 'href="first-block/"' in overview and 'href="second-block/quiz/"' in overview
    assert "data-course-progress" in overview


def toc_anchors(html: str) -> list[str]:
    """The anchors of the page's table of contents, in order."""
    toc = re.search(r'<nav class="md-nav md-nav--secondary"[^>]*>(.*?)</nav>', html, re.S)
    return re.findall(r'href="#([^"]+)"', toc.group(1)) if toc else []


def test_added_headings_join_the_table_of_contents_in_page_order(tmp_path):
    course = make_course(tmp_path, plugin_options={"outcomes": ["Do one thing."]})
    course.write_page(
        "index.md", "# Test course\n\n## Welcome\n\nHello.\n\n<!-- course:overview -->\n\n## Contact\n\nWrite to us.\n"
    )
    build(course.root, strict=True)

    home = (course.site / "index.html").read_text(encoding="utf-8")
    assert toc_anchors(home) == ["welcome", "course-blocks", "course-outcomes", "course-about", "contact"]
    achievements = (course.site / "achievements" / "index.html").read_text(encoding="utf-8")
    assert toc_anchors(achievements) == [
        "block-first-block",
        "block-second-block",
        "course-statement-heading",
        "course-record-heading",
    ]
    toc = achievements[achievements.index("md-nav--secondary") :]
    assert re.search(r'<span class="md-ellipsis">\s*Block 1: First Block\s*</span>', toc)


def test_achievements_page_lists_blocks_with_their_quizzes(tmp_path):
    course = make_course(tmp_path)
    build(course.root, strict=True)

    html = (course.site / "achievements" / "index.html").read_text(encoding="utf-8")
    assert "data-course-achievements" in html
    assert re.search(r'data-block-id="first-block".*?href="\.\./first-block/quiz/"', html, re.S)
    assert re.search(r'data-block-id="second-block".*?href="\.\./second-block/quiz/"', html, re.S)


def test_every_page_carries_course_data_and_loads_the_course_script(tmp_path):
    course = make_course(tmp_path)
    build(course.root, strict=True)

    for page in course.site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert html.count('id="course-data"') == 1, page
        assert re.search(r'<script[^>]+type="module"[^>]+src="[./]*assets/course/js/course\.js"', html) or re.search(
            r'<script[^>]+src="[./]*assets/course/js/course\.js"[^>]+type="module"', html
        ), page
    assert (course.site / "assets" / "course" / "js" / "course.js").is_file()


def test_quiz_answers_stay_out_of_the_search_index(tmp_path):
    course = make_course(tmp_path)
    build(course.root, strict=True)

    index = (course.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "This one" not in index and "answerHashes" not in index


def test_no_directory_urls_and_disabled_plugin(tmp_path):
    course = make_course(tmp_path, config={"use_directory_urls": False})
    build(course.root, strict=True)
    assert (course.site / "first-block" / "quiz.html").is_file()
    assert (course.site / "achievements.html").is_file()

    off = make_course(tmp_path / "off", plugin_options={"enabled": False})
    build(off.root, strict=True)
    assert not (off.site / "first-block" / "quiz").exists()


def test_model_and_quiz_modules_work_without_mkdocs():
    code = (
        "import sys; sys.modules['mkdocs'] = None\n"
        "from pathlib import Path\n"
        "import mkdocs_course.course.model, mkdocs_course.course.structure, mkdocs_course.templates\n"
        "from mkdocs_course.quiz import loader, render, reviews, answers\n"
        "quiz = loader.load_quiz(Path(sys.argv[1]), 'quiz.yml', 'first-block')\n"
        "print(len(quiz.questions))\n"
    )
    quiz = REPO / "tests" / "fixtures" / "valid-quiz.yml"
    out = subprocess.run([sys.executable, "-c", code, str(quiz)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "4"


def test_sample_course_builds_strict_with_four_blocks(tmp_path):
    site = build(REPO, tmp_path / "site", strict=True).site_dir  # raises on any warning in strict mode
    blocks = ["not-invited", "after-the-interview", "handling-rejection", "moving-forward"]
    for block in blocks:
        data = payload(site, block)
        types = {q["type"] for q in data["questions"]}
        assert types == {"single", "multiple", "true_false", "text"}, block
        assert 6 <= len(data["questions"]) <= 8, block
        assert all(q["reviewUrl"] for q in data["questions"]), block
        # quiz.md holds the block's quiz marker (for Zensical): not a lesson.
        lessons = [p for p in (REPO / "content" / block).glob("*.md") if p.name != "quiz.md"]
        assert 3 <= len(lessons) <= 5, block
    assert (site / "achievements" / "index.html").is_file()
