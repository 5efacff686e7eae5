"""The message catalogs (issue 12): every language complete, nothing extra, every placeholder kept,
the plural forms each language needs; an author's overrides checked; only the areas a page uses.

Read as a translator's and an author's mistakes would be: a missing or extra key, a dropped or
misspelt placeholder, a plural form missing, an override of a key that does not exist.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from course_factory import make_course
from mkdocs_course.errors import CourseError
from mkdocs_course.messages.catalog import (
    CATALOGS_DIR,
    ENGLISH,
    LANGUAGES,
    PLACEHOLDER,
    catalog_language,
    check_overrides,
    key_line,
    load_catalog,
    placeholders,
    site_messages,
)
from mkdocs_course.messages.page import ON_DEMAND_AREAS, WIDGET_AREAS, messages_script, page_areas
from mkdocs_course.messages.plurals import CATEGORIES, categories
from site_build import build

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "mkdocs_course"
ENGLISH_CATALOG = load_catalog(ENGLISH)
TRANSLATIONS = [language for language in LANGUAGES if language != ENGLISH]


def test_every_shipped_language_has_a_catalog_and_no_other_file_is_there():
    assert sorted(path.stem for path in CATALOGS_DIR.glob("*.yml")) == sorted(LANGUAGES)
    assert len(ENGLISH_CATALOG) > 150  # every area is filled, not only the navigation's marks


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_catalog_is_areas_of_names_to_text_or_plural_forms(language):
    tree = yaml.safe_load((CATALOGS_DIR / f"{language}.yml").read_text(encoding="utf-8"))
    assert isinstance(tree, dict) and tree
    for area, entries in tree.items():
        assert re.fullmatch(r"[a-z_]+", area) and isinstance(entries, dict) and entries, f"{language}: {area}"
        for name, message in entries.items():
            where = f"{language}: {area}.{name}"
            assert re.fullmatch(r"[a-z][a-z0-9_]*", name), where
            if isinstance(message, dict):
                assert set(message) <= set(CATEGORIES) and "other" in message, where
                assert all(isinstance(form, str) and form.strip() for form in message.values()), where
            else:
                assert isinstance(message, str) and message.strip(), where


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_catalog_has_every_english_key_and_no_other(language):
    catalog = load_catalog(language)
    assert sorted(set(ENGLISH_CATALOG) - set(catalog)) == [], f"{language} lacks these keys"
    assert sorted(set(catalog) - set(ENGLISH_CATALOG)) == [], f"{language} has keys English lacks"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_placeholder_appears_in_each_translation_and_no_other(language):
    for key, english in ENGLISH_CATALOG.items():
        translation = load_catalog(language).get(key)
        if translation is None:
            continue  # the test above names it
        assert placeholders(translation) <= placeholders(english), f"{language}: {key} has a placeholder English lacks"
        # Each form says every placeholder, except that a form for exactly one thing may leave the
        # number out ("une leçon"), as English "one lesson" could.
        forms = translation.items() if isinstance(translation, dict) else [("other", translation)]
        for category, form in forms:
            needed = placeholders(english) - ({"count"} if category in ("zero", "one", "two") else set())
            assert needed <= set(PLACEHOLDER.findall(form)), f"{language}: {key} ({category}) drops a placeholder"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_plural_messages_have_every_form_their_language_uses(language):
    forms = set(categories(language))
    for key, english in ENGLISH_CATALOG.items():
        translation = load_catalog(language).get(key)
        if isinstance(english, dict):
            assert isinstance(translation, dict), f"{language}: {key} must give plural forms"
            assert forms <= set(translation), f"{language}: {key} lacks {sorted(forms - set(translation))}"
        elif translation is not None:
            assert isinstance(translation, str), f"{language}: {key} is not a plural message in English"


def test_english_plural_messages_say_one_and_other():
    plural = {key: message for key, message in ENGLISH_CATALOG.items() if isinstance(message, dict)}
    assert plural, "counts are shown, so some messages are plural"
    assert all(set(message) == {"one", "other"} for message in plural.values())


AREAS = {key.partition(".")[0] for key in ENGLISH_CATALOG}
CALLED = re.compile(r"""\bmessages?\(\s*["']([a-z_]+\.[a-z0-9_]+)["']""")
KEY_LITERAL = re.compile(r"""["']([a-z_]+\.[a-z][a-z0-9_]*)["']""")
JS = PACKAGE / "assets" / "js"
IMPORTED = re.compile(r'(?:from |import\()\s*"(\.{1,2}/[^"]+\.js)"')


def _keys_in(path: Path, literals_in: tuple[str, ...] = (".js",)) -> set[str]:
    """The keys a file names: `message("area.name"` calls, and in code any "area.name" literal of
    a catalog area (a key chosen before the call, as in `const key = "quiz.x"`)."""
    text = path.read_text(encoding="utf-8")
    found = set(CALLED.findall(text))
    if path.suffix in literals_in:
        found |= {key for key in KEY_LITERAL.findall(text) if key.partition(".")[0] in AREAS}
    return found


def _used_keys(literals_in: tuple[str, ...] = (".js",)) -> set[str]:
    """Every key the package names; `literals_in`: the kinds of file whose "area.name" literals
    count as keys (in Python and templates, a file name such as "quiz.css" looks like one)."""
    return {
        key
        for path in PACKAGE.rglob("*")
        if path.suffix in (".js", ".html", ".py") and "vendor" not in path.parts
        for key in _keys_in(path, literals_in)
    }


def test_every_key_the_code_asks_for_is_in_the_english_catalog():
    used = _used_keys()
    assert len(used) > 100
    assert sorted(used - set(ENGLISH_CATALOG)) == []


def test_every_english_key_is_shown_somewhere():
    """A key no code names is a translator's work for nothing, or a word the code lost."""
    used = _used_keys(literals_in=(".js", ".py", ".html"))
    assert sorted(set(ENGLISH_CATALOG) - used - {"navigation.passed", "navigation.visited"}) == []


def _imported(module: Path) -> set[Path]:
    """The module and every module it imports, statically or on demand, however deep."""
    seen: set[Path] = set()
    waiting = [module.resolve()]
    while waiting:
        path = waiting.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        text = path.read_text(encoding="utf-8")
        for target in IMPORTED.findall(text):
            waiting.append((path.parent / target).resolve())
    return seen


# Each widget's attribute and the module course.js loads for it (course.js's WIDGETS, and the
# progress views it loads where their markup is).
WIDGET_MODULES = {
    "data-course-quiz": "quiz/page.js",
    "data-course-achievements": "achievements/page.js",
    "data-course-journal": "journal/journal-page.js",
    "data-course-writing": "journal/writing.js",
    "data-course-block-status": "progress-view.js",
    "data-course-continue": "progress-view.js",
    "data-course-progress": "progress-view.js",
}


@pytest.mark.parametrize(("attribute", "module"), sorted(WIDGET_MODULES.items()))
def test_each_widget_page_is_sent_every_word_its_code_can_show(attribute, module):
    """A key of an area the page lacks would show as the key itself: every key the widget's code
    (and what it loads later, and the storage notice) names is in the page's areas, or in an
    on-demand area that the code naming it fetches first (words-on-demand.js)."""
    sent = set(page_areas(f"<div {attribute}>"))
    for path in _imported(JS / module) | _imported(JS / "notice.js"):
        text = path.read_text(encoding="utf-8")
        for key in _keys_in(path):
            area = key.partition(".")[0]
            if area in ON_DEMAND_AREAS:
                assert "loadWords()" in text, f"{path.name} shows {key} without fetching its words"
            else:
                assert area in sent, f"{path.name} shows {key}, but pages with {attribute} are not sent `{area}`"


def test_no_page_carries_an_area_only_the_build_uses():
    build_only = {"overview", "lessons", "credential", "pages"}
    assert not build_only & {area for _, areas in WIDGET_AREAS for area in areas}
    assert not build_only & set(ON_DEMAND_AREAS)


def test_every_area_a_page_is_sent_is_in_the_catalog():
    areas = {key.partition(".")[0] for key in ENGLISH_CATALOG}
    sent = {area for _, widget_areas in WIDGET_AREAS for area in widget_areas}
    assert sent <= areas


@pytest.mark.parametrize(
    ("theme_language", "catalog"),
    [
        ("fr", "fr"),
        ("pt-BR", "pt"),
        ("de-CH", "de"),
        ("zh", "zh"),
        ("zh-CN", "zh"),
        ("zh-Hans", "zh"),
        ("zh-TW", "en"),  # Traditional script: English rather than the wrong script
        ("zh-Hant", "en"),
        ("ko", "en"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_the_catalog_follows_materials_language_codes(theme_language, catalog):
    assert catalog_language(theme_language) == catalog


COUNTED = next(key for key, message in ENGLISH_CATALOG.items() if "count" in placeholders(message))
EVERY_FORM = {
    "zero": "Z{count}",
    "one": "O{count}",
    "two": "T{count}",
    "few": "F{count}",
    "many": "M{count}",
    "other": "X{count}",
}


@pytest.mark.parametrize(
    ("language", "counts", "shown"),
    [
        ("en", (0, 1, 2, 1000), ["X0", "O1", "X2", "X1,000"]),
        ("fr", (0, 1, 2), ["O0", "O1", "X2"]),
        ("pl", (1, 2, 5, 22, 25), ["O1", "F2", "M5", "F22", "M25"]),
        ("cy", (0, 1, 2, 3, 6, 7), ["Z0", "O1", "T2", "F3", "M6", "X7"]),
        ("ar", (0, 1, 2, 3, 11, 100), ["Z0", "O1", "T2", "F3", "M11", "X100"]),
        ("ja", (1, 2), ["X1", "X2"]),
    ],
)
def test_plural_forms_follow_each_languages_rules_at_build_time(language, counts, shown):
    messages = site_messages(language, overrides=check_overrides({COUNTED: EVERY_FORM}))
    assert [messages(COUNTED, count=count) for count in counts] == shown


def test_a_translation_without_a_rare_form_falls_back_to_other():
    messages = site_messages("fr", overrides=check_overrides({COUNTED: {"one": "O{count}", "other": "X{count}"}}))
    assert messages(COUNTED, count=1_000_000) == "X1\u202f000\u202f000"  # French `many`


def test_numbers_are_written_as_the_locale_writes_them():
    key = COUNTED
    french = site_messages("fr", overrides=check_overrides({key: "{count}"}))
    assert french(key, count=1234) == "1\u202f234"
    assert site_messages("en", overrides=check_overrides({key: "{count}"}))(key, count=1234) == "1,234"


def test_an_author_overrides_a_message_key_by_key_over_the_language():
    key = next(iter(ENGLISH_CATALOG))
    messages = site_messages("fr", overrides=check_overrides({key: "Mine"}))
    assert messages(key) == "Mine"
    other = next(k for k in ENGLISH_CATALOG if k != key and isinstance(ENGLISH_CATALOG[k], str))
    assert messages(other) == load_catalog("fr").get(other, ENGLISH_CATALOG[other])


@pytest.mark.parametrize(
    ("overrides", "said"),
    [
        ({"quiz.check_answerz": "x"}, "no key `quiz.check_answerz`"),
        ("Mark my answers", "`messages` must map message keys to text"),
        ({"navigation.passed": ["a"]}, "must be text"),
        ({"navigation.passed": "{percent} passed"}, "uses {percent}"),
        ({"navigation.passed": {"one": "a"}}, "plural forms that cannot be used"),
        ({"navigation.passed": {"other": "a", "several": "b"}}, "plural forms that cannot be used"),
    ],
)
def test_a_careless_authors_override_is_refused_with_what_to_write(overrides, said):
    with pytest.raises(CourseError) as raised:
        check_overrides(overrides)
    assert said in str(raised.value) and str(raised.value).startswith("mkdocs.yml")


def test_a_misspelt_key_gets_the_nearest_one_suggested():
    key = next(key for key in ENGLISH_CATALOG if key.startswith("quiz."))
    with pytest.raises(CourseError, match=re.escape(f"Did you mean `{key}`?")):
        check_overrides({key[:-1] + "x" + key[-1]: "x"})


def test_a_page_carries_only_the_areas_its_widgets_use():
    assert page_areas("<p>A lesson</p>") == ()
    assert messages_script(site_messages("fr"), "<p>A lesson</p>") == ""
    assert page_areas('<div data-course-quiz="a">') == ("quiz", "badge")
    assert page_areas('<div data-course-quizzes="a">') == ()
    assert page_areas('<script>document.querySelector("[data-course-quiz]")</script>') == ()
    assert page_areas('<ol class="x"\n  data-course-journal>') == ("journal",)
    assert messages_script(site_messages("ar"), '<form data-course-writing="x">') == ""  # its words come on demand
    script = messages_script(site_messages("ar"), '<div data-course-journal="x">')
    assert '"direction":"rtl"' in script and '"journal":' in script and '"quiz":' not in script
    assert "<" not in script.removeprefix("<script").removesuffix("</script>").split(">", 1)[1]


def test_the_site_builds_in_its_language_with_the_authors_override(tmp_path):
    passed_key = "navigation.passed"
    course = make_course(
        tmp_path,
        blocks=("first-block",),
        plugin_options={"messages": {passed_key: " (réussi <b>)"}},
        config={"theme": {"name": "material", "language": "fr"}},
    )
    built = build(course.root, strict=True)
    assert built.ok, built.error
    lesson = (course.site / "first-block" / "more" / "index.html").read_text(encoding="utf-8")
    assert '"marks":{"passed":" (réussi \\u003cb\\u003e)"' in lesson
    assert 'id="course-messages"' not in lesson  # a lesson needs no other words
    quiz = (course.site / "first-block" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert '"language":"fr"' in quiz and '"quiz":{' in quiz and '"journal":{' not in quiz


def test_an_unknown_key_in_mkdocs_yml_stops_the_build_naming_its_line(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",), plugin_options={"messages": {"quiz.chek_answers": "x"}})
    written = (course.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(written, start=1) if "quiz.chek_answers" in text)
    built = build(course.root, strict=True, check=False)
    assert not built.ok
    assert f"mkdocs.yml:{line}:" in built.error and "Did you mean `quiz.check_answers`?" in built.error


def test_the_line_of_a_key_is_found_under_the_messages_option():
    text = "site_name: x\nplugins:\n  - course:\n      messages:\n        quiz.check_answers: Go\n"
    assert key_line(text, "quiz.check_answers") == 5
    assert key_line('quiz.check_answers: 1\nmessages:\n  "quiz.check_answers": Go\n', "quiz.check_answers") == 3
    assert key_line(text, "quiz.try_again") == 0


def test_a_template_puts_its_link_in_the_escaped_sentence_where_the_language_puts_it():
    from markupsafe import Markup

    from mkdocs_course.templates import message_in_html

    overrides = {"lessons.location": "<{block}> & leçon {number} sur {count}"}
    message = message_in_html(site_messages("fr", overrides=check_overrides(overrides)))
    link = Markup('<a href="b/">Bloc 1 : {number} <i>x</i></a>')
    shown = message("lessons.location", number=2, count=1234, block=link)
    assert shown == '&lt;<a href="b/">Bloc 1 : {number} <i>x</i></a>&gt; &amp; leçon 2 sur 1\u202f234'
    assert message("lessons.location", number="<b>", count=1, block="<script>") == "<<script>> & leçon <b> sur 1"
    # Plain values stay text: autoescape escapes the whole sentence when the template shows it.


def test_plurals_follow_the_words_language_whatever_locale_the_dates_use():
    assert site_messages("fr", "fr-CA").locale == "fr-CA"  # a region of the same language: its own
    assert site_messages("fr", "en-GB").locale == "fr"  # French words take French plurals
    assert site_messages("zh-TW", "zh-TW").locale == "en"  # English words (no Traditional catalog)
