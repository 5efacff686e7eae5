"""Headings the plugin adds to a page, found for the table of contents (no MkDocs needed)."""

from __future__ import annotations

from mkdocs_course.course.headings import Heading, headings, insertion_index


def test_headings_keep_document_order_and_drop_markup():
    html = (
        '<h2 id="a" data-search-exclude>Block 1: <em>Start</em> &amp; go</h2><p>text</p>'
        '<h3 class="x" id="b">Inner</h3><h2>no id</h2>'
    )
    assert headings(html) == [Heading(2, "a", "Block 1: Start &amp; go"), Heading(3, "b", "Inner")]


def test_added_headings_go_after_the_last_entry_before_them():
    entries = [{"intro"}, {"middle", "middle-child"}, {"end"}]
    assert insertion_index(entries, {"intro", "middle-child"}) == 2
    assert insertion_index(entries, set()) == 0
    assert insertion_index([], {"intro"}) == 0
