"""Writing activities, MkDocs-free (course/journal.py): found in a page's Markdown with their lines,
ids checked across the course, the writing area rendered escaped and put into its admonition; and
in a built site, the journal page and the author's mistakes."""

from __future__ import annotations

import re

import markdown
import pytest

from course_factory import make_course
from mkdocs_course.course.journal import (
    JournalPage,
    WritingActivity,
    duplicate_errors,
    find_activities,
    insert_writing_areas,
    journal_sections,
    writing_area_html,
)
from mkdocs_course.errors import Location
from mkdocs_course.templates import Fragments
from site_build import build

PAGE = """\
---
title: Notes
---
# Notes

!!! question journal interview-notes "Activity 1: Write up an interview"
    Think of your last interview.

    ??? note "Discussion"
        Most people remember the bad parts.

```markdown
!!! question journal not-this-one "Inside fenced code"
```

~~~~
!!! question journal nor-this "Inside a tilde fence"
~~~
still inside
~~~~

- A list

    !!! note journal nested-plan
        Indented, in a list.

!!! question "Not a writing activity"
"""


def test_activities_are_found_with_their_lines_outside_fenced_code():
    found, errors = find_activities(PAGE, "content/notes.md")
    assert errors == []
    assert found == [
        WritingActivity("interview-notes", "Activity 1: Write up an interview", Location("content/notes.md", 6, 1)),
        WritingActivity("nested-plan", "Note", Location("content/notes.md", 24, 5)),
    ]


@pytest.mark.parametrize(
    ("line", "problem", "fix"),
    [
        ('!!! question journal "Activity"', "has no id", '`!!! question journal my-notes "Activity 1: …"`'),
        ("!!! question journal", "has no id", "lower case letters, digits and hyphens"),
        ('!!! question journal My_Notes "A"', "'My_Notes' is not lower case", "'my-notes'"),
        ('!!! question journal -notes "A"', "'-notes' is not lower case", "'notes'"),
    ],
)
def test_a_missing_or_wrong_id_names_the_file_and_line_and_shows_the_fix(line, problem, fix):
    found, errors = find_activities(f"# Page\n\nText.\n\n{line}\n    Body.\n", "content/a/page.md")
    assert found == []
    assert len(errors) == 1
    message = str(errors[0])
    assert message.startswith("content/a/page.md:5:1: ")
    assert problem in message and fix in message


def test_a_duplicate_id_names_both_places():
    first, _ = find_activities('!!! question journal plan "One"\n', "content/a/one.md")
    second, _ = find_activities('# Two\n\n!!! question journal plan "Two"\n', "content/b/two.md")
    errors = duplicate_errors(first + second)
    assert [str(error.where) for error in errors] == ["content/b/two.md:3:1"]
    assert "'plan' is already used at content/a/one.md:1:1" in str(errors[0])
    assert duplicate_errors(first) == []


def _rendered(source: str) -> str:
    return markdown.markdown(source, extensions=["admonition", "pymdownx.details", "pymdownx.superfences"])


def test_the_area_goes_into_its_admonition_before_the_discussion():
    found, _ = find_activities(PAGE, "content/notes.md")
    html = _rendered(PAGE.split("---\n", 2)[2])
    areas = {activity.id: f"<AREA {activity.id}>" for activity in found}
    filled, placed = insert_writing_areas(html, areas)
    assert placed == {"interview-notes", "nested-plan"}
    admonition = filled[filled.index('class="admonition question journal interview-notes"') :]
    assert admonition.index("<AREA interview-notes>") < admonition.index("<details")
    assert admonition.index("Think of your last interview") < admonition.index("<AREA interview-notes>")
    nested = filled[filled.index('class="admonition note journal nested-plan"') :]
    assert nested.index("Indented, in a list.") < nested.index("<AREA nested-plan>") < nested.index("</div>")
    assert "not-this-one" not in "".join(areas)


def test_an_admonition_that_did_not_render_is_not_placed():
    filled, placed = insert_writing_areas("<p>!!! question journal plan</p>", {"plan": "<AREA>"})
    assert (filled, placed) == ("<p>!!! question journal plan</p>", set())


def test_the_writing_area_is_labelled_and_escapes_the_title():
    activity = WritingActivity("plan", 'Say <b>"hi"</b> & <script>alert(1)</script>', Location("a.md", 1))
    html = writing_area_html(Fragments(), activity)
    assert "<script>alert(1)" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<label class="course-writing__label" for="course-writing-field-plan">Your notes for Say &lt;b&gt;' in html
    assert 'id="course-writing-field-plan"' in html and "disabled" in html
    assert 'role="status"' in html and "needs JavaScript" in html


def test_the_journal_lists_blocks_in_order_then_other_pages():
    one = WritingActivity("first", "Activity 1", Location("a.md", 3))
    two = WritingActivity("second", "", Location("b.md", 3))
    home = WritingActivity("home-notes", "Before you start", Location("index.md", 3))
    pages = [
        JournalPage("Block 1: Alpha", "alpha/one/", "One", (one,)),
        JournalPage("", "", "Home", (home,)),
        JournalPage("Block 2: Beta", "beta/two/", "Two", (two,)),
    ]
    sections = journal_sections(pages, "journal/")
    assert [section["heading"] for section in sections] == ["Block 1: Alpha", "Block 2: Beta", "Other activities"]
    assert sections[0]["activities"] == [
        {"id": "first", "title": "Activity 1", "page_title": "One", "href": "../alpha/one/#course-writing-first"}
    ]
    assert sections[1]["activities"][0]["title"] == "Activity"
    html = Fragments().render(
        "journal.html", sections=sections, course_title="<Course>", achievements_href="../achievements/"
    )
    assert "&lt;Course&gt;" in html and 'href="../alpha/one/#course-writing-first"' in html


WRITING_LESSON = """\
# Reflect

!!! question journal my-reflection "Activity 1: Reflect"
    Write what you think.

    ??? note "Discussion"
        Others thought so too.
"""


EXTENSIONS = {"markdown_extensions": ["admonition", "pymdownx.details", "attr_list", "md_in_html", "toc"]}


def test_a_built_course_has_writing_areas_and_a_journal_page(tmp_path):
    course = make_course(tmp_path, config=EXTENSIONS)
    course.write_page("first-block/reflect.md", WRITING_LESSON)
    build(course.root, strict=True)
    lesson = (course.site / "first-block" / "reflect" / "index.html").read_text(encoding="utf-8")
    assert 'data-course-writing="my-reflection"' in lesson
    assert lesson.index('data-course-writing="my-reflection"') < lesson.index("Others thought so too")
    assert "css/journal.css" in lesson
    journal = (course.site / "journal" / "index.html").read_text(encoding="utf-8")
    assert 'data-course-journal-entry="my-reflection"' in journal
    assert 'href="../first-block/reflect/#course-writing-my-reflection"' in journal
    achievements = (course.site / "achievements" / "index.html").read_text(encoding="utf-8")
    assert 'href="../journal/"' in achievements
    other = (course.site / "first-block" / "more" / "index.html").read_text(encoding="utf-8")
    assert "data-course-writing" not in other and "journal.css" not in other


def test_a_course_without_writing_activities_has_no_journal(tmp_path):
    course = make_course(tmp_path)
    build(course.root, strict=True)
    assert not (course.site / "journal").exists()
    achievements = (course.site / "achievements" / "index.html").read_text(encoding="utf-8")
    # No link to a journal, no journal styles (the file notice's script names every widget's markup).
    # The page's words for its script (its delete warning names the journal) are not its text.
    shown = re.sub(r'<script type="application/json" id="course-messages">.*?</script>', "", achievements)
    assert "your journal" not in shown.lower() and "journal/" not in achievements
    assert "journal.css" not in achievements


def test_author_mistakes_stop_the_build_with_file_and_line(tmp_path):
    course = make_course(tmp_path, config=EXTENSIONS)
    course.write_page("first-block/reflect.md", WRITING_LESSON)
    course.write_page("second-block/again.md", WRITING_LESSON.replace("# Reflect", "# Again\n"))
    course.write_page("second-block/bare.md", "# Bare\n\n!!! question journal\n    Text.\n")
    built = build(course.root, strict=True, check=False)
    assert not built.ok
    assert (
        "docs/second-block/again.md:4:1: the writing activity id 'my-reflection' is already used at "
        "docs/first-block/reflect.md:3:1"
    ) in built.error
    assert "docs/second-block/bare.md:3:1: the writing activity (class `journal`) has no id." in built.error
