"""Checks that save a course from quiet mistakes: no web font from Google unless the author asks,
Markdown that needs an extension mkdocs.yml leaves out, a page that is not UTF-8, and accepted
answers wrapped in typographic quotes."""

from __future__ import annotations

import pytest

from course_factory import QUIZ_OK, make_course
from mkdocs_course.course.checks import ExtensionCheck, encoding_problem, syntax_in
from site_build import build

GOOGLE_FONTS = ("fonts.googleapis.com", "fonts.gstatic.com")
NO_EXTENSIONS = {"markdown_extensions": [{"toc": {"permalink": True}}]}


def _google_fonts_in(site) -> list[str]:
    return [
        page.relative_to(site).as_posix()
        for page in site.rglob("*.html")
        if any(host in page.read_text(encoding="utf-8") for host in GOOGLE_FONTS)
    ]


def test_a_course_that_names_no_font_asks_google_for_none(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))  # its mkdocs.yml has no `font:`
    assert "font" not in (course.root / "mkdocs.yml").read_text(encoding="utf-8")
    build(course.root, strict=True)
    assert _google_fonts_in(course.site) == []


def test_a_web_font_the_author_names_is_kept(tmp_path):
    theme = {"name": "material", "features": ["navigation.instant"], "font": {"text": "Roboto"}}
    course = make_course(tmp_path, blocks=("first-block",), config={"theme": theme})
    build(course.root, strict=True)
    assert "index.html" in _google_fonts_in(course.site)


SYNTAX_CASES = [
    ("admonition", '!!! question "Why?"\n    Because.\n', "`!!! note`"),
    ("pymdownx.details", '??? note "More"\n    Hidden.\n', "`??? note`"),
    ("attr_list", "## A heading {#the-id}\n", "`{#id}`"),
    ("md_in_html", '<div markdown="1">\n*Hi*\n</div>\n', '`markdown="1"`'),
]


@pytest.mark.parametrize(("extension", "markdown", "example"), SYNTAX_CASES, ids=[c[0] for c in SYNTAX_CASES])
def test_syntax_without_its_extension_fails_strict_with_file_line_and_fix(tmp_path, extension, markdown, example):
    course = make_course(tmp_path, blocks=("first-block",), config=NO_EXTENSIONS)
    course.write_page("first-block/more.md", "# More\n\nText.\n\n" + markdown)

    result = build(course.root, strict=True, check=False)

    assert not result.ok
    [warning] = [w for w in result.warnings if "Markdown extension" in w]
    assert "docs/first-block/more.md:5:" in warning, warning
    assert example in warning and f"Add `- {extension}` under `markdown_extensions`" in warning


def test_each_missing_extension_is_named_once_at_its_first_use(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",), config=NO_EXTENSIONS)
    course.write_page("first-block/index.md", "# First\n\n!!! note\n    One.\n\n## The point\n\n!!! note\n    Two.\n")
    course.write_page("first-block/more.md", "# More\n\n!!! note\n    Three.\n")
    result = build(course.root, strict=False)
    admonitions = [w for w in result.warnings if "`admonition`" in w]
    assert len(admonitions) == 1 and "docs/first-block/index.md:3:1:" in admonitions[0]


def test_syntax_in_code_needs_no_extension(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",), config=NO_EXTENSIONS)
    course.write_page("first-block/more.md", "# More\n\n```markdown\n!!! note\n## A {#b}\n```\n\nWrite `{#id}`.\n")
    build(course.root, strict=True)


@pytest.mark.parametrize(
    ("enabled", "warned"),
    [
        (["admonition", "attr_list", "md_in_html", "pymdownx.details"], set()),
        (["markdown.extensions.admonition", "pymdownx.extra"], {"pymdownx.details"}),
        (["extra"], {"admonition", "pymdownx.details"}),
        ([], {"admonition", "pymdownx.details", "attr_list", "md_in_html"}),
    ],
)
def test_which_extensions_render_which_syntax(enabled, warned):
    check = ExtensionCheck(enabled)
    check.page("!!! tip\n??? tip\n## H {: .x }\n<section markdown>\n", "docs/a.md")
    assert set(check.first_use) == warned


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("!!! note", "admonition"),
        ('    !!! warning "Careful"', "admonition"),
        ("???+ note", "pymdownx.details"),
        ("A paragraph {: .lead }", "attr_list"),
        ("[Button](a.md){ .md-button }", "attr_list"),
        ("## Title {#title}", "attr_list"),
        ('<div class="grid" markdown>', "md_in_html"),
        ("<details markdown='block'>", "md_in_html"),
        ("Wow!!! Really", None),
        ("Is it so??? Yes", None),
        ("A set {1, 2}", None),
        ("<p>markdown is text</p>", None),
    ],
)
def test_syntax_found(line, found):
    assert [syntax.extension for syntax, _, _ in syntax_in(line)] == ([found] if found else [])


def test_a_page_that_is_not_utf8_stops_the_build_with_line_and_fix(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    (course.root / "docs" / "first-block" / "more.md").write_bytes("# More\n\nUn caf\xe9.\n".encode("latin-1"))

    result = build(course.root, strict=False, check=False)

    assert not result.ok
    assert "docs/first-block/more.md:3:7: the file is not UTF-8 (byte 0xe9, at offset 14" in result.error
    assert "Save it as UTF-8" in result.error and "Traceback" not in result.error


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"ok\n", None),
        (b"\xef\xbb\xbfok\n", None),  # a byte order mark: MkDocs skips it
        (b"line one\nline \xff two\n", (2, 6)),
        ("\ufeff# Title".encode("utf-16"), (1, 1)),
    ],
)
def test_encoding_problem(data, where):
    problem = encoding_problem(data, "docs/a.md")
    assert (problem.where.line, problem.where.column) == where if where else problem is None


@pytest.mark.parametrize("written", ["[“PDF”]", "[„PDF“]", "[«PDF»]", "[‘PDF’]", "“PDF”"])
def test_an_accepted_answer_in_typographic_quotes_is_a_quiz_mistake(tmp_path, written):
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz("first-block", QUIZ_OK.replace('accept: ["feedback", "Feed back"]', f"accept: {written}"))

    result = build(course.root, strict=False, check=False)

    assert not result.ok
    assert "quizzes/first-block.yml:27:" in result.error, result.error
    assert (
        "typographic quotes" in result.error
        and 'Use straight quotes or none, such as `accept: ["PDF"]`' in result.error
    )


def test_apostrophes_in_accepted_answers_are_fine(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    course.write_quiz("first-block", QUIZ_OK.replace('accept: ["feedback", "Feed back"]', "accept: [students’, don’t]"))
    build(course.root, strict=True)
