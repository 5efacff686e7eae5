"""A typed answer gets the same key in the browser (marking.js) as in the build (quiz/answers.py):
otherwise a right answer could be marked wrong. Checked for every character of Unicode planes 0 and 1."""

from __future__ import annotations

import unicodedata

from mkdocs_course.quiz.answers import normalise_text_answer

# Each character at the ends, doubled inside, and next to letters: trimming, collapsing, case.
SAMPLE = "{c} A{c}{c}b {c}"


def test_every_character_normalises_alike_in_the_browser_and_the_build(page, site):
    page.goto(site + "alpha/quiz/")
    characters = [chr(c) for c in range(0x20000) if not 0xD800 <= c <= 0xDFFF]
    in_browser = page.evaluate(
        """async ([marking, template, characters]) => {
             const { normalise } = await import(marking);
             return characters.map((c) => normalise(template.replaceAll("{c}", c)));
           }""",
        [site + "assets/course/js/quiz/marking.js", SAMPLE, characters],
    )
    by_character = dict(zip(characters, in_browser, strict=True))
    differ = [c for c, js in by_character.items() if normalise_text_answer(SAMPLE.format(c=c)) != js]
    # Only letters newer than this Python's Unicode database may differ: their case mapping is
    # unknown to it (unicodedata.unidata_version), not to the browser.
    known = [f"U+{ord(c):04X}" for c in differ if unicodedata.category(c) != "Cn"]
    assert not known, f"the build and the browser normalise these differently: {known[:20]}"
    assert by_character[" "] == by_character["\ufeff"] == "a b"


# Typed as a learner would, against what the build must make of it (docs/author-guide.md).
FORGIVEN = {
    "Development points.": "development points",
    "development points": "development points",
    "  The   EARTH ?! ": "the earth",
    "Earth…": "earth",
    "Earth . . .": "earth",
    "don’t panic": "don't panic",
    "“quoted” words!!": '"quoted" words',
    "part–time — or not": "part-time - or not",
    "e.g.": "e.g",
    "Why?\u3002": "why",
    "‘single’": "'single'",
    "?!": "",
}


def test_typed_answers_forgive_punctuation_alike_in_the_browser_and_the_build(page, site):
    page.goto(site + "alpha/quiz/")
    typed = list(FORGIVEN)
    in_browser = page.evaluate(
        """async ([marking, typed]) => {
             const { normalise } = await import(marking);
             return typed.map(normalise);
           }""",
        [site + "assets/course/js/quiz/marking.js", typed],
    )
    assert dict(zip(typed, in_browser, strict=True)) == FORGIVEN
    assert {text: normalise_text_answer(text) for text in typed} == FORGIVEN
