"""A site overrides the plugin's HTML fragments from its theme's custom_dir, `overrides/course/<name>`;
autoescape stays on, and a broken override is a mistake named in the build's report."""

from __future__ import annotations

import jinja2
import pytest

from course_factory import make_course
from mkdocs_course.errors import CourseError, Location
from mkdocs_course.templates import FRAGMENTS, TEMPLATES_DIR, Fragments
from site_build import build

THEME = {"name": "material", "custom_dir": "overrides", "features": ["navigation.instant"]}


def _course(tmp_path, overrides: dict[str, str], **options):
    course = make_course(tmp_path, config={"theme": THEME}, plugin_options=options)
    for name, text in overrides.items():
        path = course.root / "overrides" / "course" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return course


def test_a_site_overrides_the_overview(tmp_path):
    course = _course(
        tmp_path,
        {
            "overview.html": (
                '<div class="my-overview" data-course-overview>{{ settings.description }}'
                '<h2 id="my-blocks">Blocks</h2>'
                '{% for block in blocks %}<a href="{{ block.href }}">{{ block.title }}</a>'
                "{% endfor %}</div>\n"
            )
        },
        description="About <this> & that",
    )
    build(course.root, strict=True)

    home = (course.site / "index.html").read_text(encoding="utf-8")
    assert '<div class="my-overview" data-course-overview>About &lt;this&gt; &amp; that' in home
    assert '<a href="first-block/">First Block</a>' in home
    assert "What you will study" not in home  # the package's overview is replaced, not added to
    assert 'href="#my-blocks"' in home  # the override's headings join the table of contents
    # The other fragments are the package's own.
    assert "data-course-achievements" in (course.site / "achievements" / "index.html").read_text(encoding="utf-8")


def test_a_site_overrides_the_quiz_shell_and_achievements(tmp_path):
    quiz = (
        (TEMPLATES_DIR / "quiz.html")
        .read_text(encoding="utf-8")
        .replace('{{ message("quiz.needs_javascript") }}', "Turn on JavaScript for this quiz.")
    )
    course = _course(
        tmp_path, {"quiz.html": quiz, "achievements.html": "<p class=mine>{{ blocks | length }} blocks</p>\n"}
    )
    build(course.root, strict=True)

    assert "Turn on JavaScript for this quiz." in (course.site / "first-block" / "quiz" / "index.html").read_text()
    assert "<p class=mine>2 blocks</p>" in (course.site / "achievements" / "index.html").read_text()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{% for block in blocks %}", "overrides/course/overview.html:1:0: the template is not valid Jinja"),
        ("{{ page.title }}", "the template cannot be rendered: 'page' is undefined"),
    ],
)
def test_a_broken_override_is_reported_not_a_traceback(tmp_path, text, words):
    course = _course(tmp_path, {"overview.html": text})
    result = build(course.root, strict=True, check=False)
    assert words in result.error
    assert "Traceback" not in result.error
    if "undefined" in words:
        assert "achievements_href, blocks, hours, settings" in result.error  # what it may use


def test_fragments_without_a_theme_are_the_packages_and_escape():
    fragments = Fragments()
    assert fragments.env.autoescape is True
    html = fragments.render("errors.html", errors=[CourseError(Location("q.yml", 1, 1), "<b>bad</b>", "Fix it.")])
    assert "&lt;b&gt;bad&lt;/b&gt;" in html
    assert sorted(p.name for p in TEMPLATES_DIR.glob("*.html")) == sorted(FRAGMENTS)


def test_autoescape_stays_on_in_a_theme_environment_without_it():
    theme = jinja2.Environment(loader=jinja2.DictLoader({"course/file-notice.html": "{{ '<x>' }}"}))
    fragments = Fragments(theme)
    assert fragments.render("file-notice.html") == "&lt;x&gt;"  # the theme's file first
    assert "course-quiz__data" in fragments.render("quiz.html", payload_json="{}")  # then the package's
    assert theme.autoescape is False  # the theme's own environment is left as it was
