"""One set of rules for the learner's record (assets/js/record.js): the stored record's repair and
the progress file's restore read the same damaged records into the same passes, and no rule lets
a pass be lost or dated in the future."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BLOCK_IDS = ["alpha", "beta"]
PASS = {"bestScore": 80, "passed": True, "passedAt": "2026-01-02T10:00:00.000Z", "attempts": 1}

# Reads `record` (a value, as JSON) both ways; returns what each way makes of it.
BOTH_WAYS = """async ([siteRoot, record, blockIds]) => {
  const store = await import(new URL("assets/course/js/store.js", siteRoot).href);
  const file = await import(new URL("assets/course/js/achievements/progress-file.js", siteRoot).href);
  const { isPass, emptyRecord } = await import(new URL("assets/course/js/record.js", siteRoot).href);
  const passes = (read) => blockIds.filter((id) => isPass(read.record.blocks[id]));
  const stored = store.readStoredText(JSON.stringify(record), blockIds);
  const envelope = { format: "mkdocs-course-record", version: 1, courseId: "fixture", record };
  let restored;
  try {
    const read = file.parseProgressText(JSON.stringify(envelope), { courseId: "fixture", blockIds });
    const merged = file.restoreProgress(emptyRecord(), read);
    restored = {
      passes: passes(merged), setAside: merged.record.setAside.length, refused: null, dates: merged.record.blocks,
    };
  } catch (error) {
    restored = { passes: [], setAside: 0, refused: error.message, dates: {} };
  }
  return {
    stored: {
      passes: passes(stored), setAside: stored.problems.length, unreadable: stored.unreadable,
      dates: stored.record.blocks,
    },
    restored,
  };
}"""

DAMAGED = {
    "a numeric date": {"version": 1, "blocks": {"alpha": {**PASS, "passedAt": 1}, "beta": PASS}},
    "a date that is true": {"version": 1, "blocks": {"alpha": {**PASS, "passedAt": True}}},
    "a date that is not ISO": {"version": 1, "blocks": {"alpha": {**PASS, "passedAt": "1"}}},
    "no best score": {"version": 1, "blocks": {"alpha": {"passed": True, "passedAt": PASS["passedAt"]}}},
    "a score over 100": {"version": 2, "blocks": {"alpha": {**PASS, "bestScore": 101}, "beta": PASS}},
    "a string for passed": {"version": 2, "blocks": {"alpha": {**PASS, "passed": "yes"}}},
    "a broken draft": {"version": 1, "blocks": {"alpha": {**PASS, "draft": "oops"}}},
    "a block the course lacks": {"version": 2, "blocks": {"gone": PASS, "beta": PASS}},
    "broken answers": {"version": 2, "blocks": {"beta": PASS}, "questions": {"beta": [1]}},
    "a name with control characters": {"version": 2, "blocks": {"beta": PASS}, "name": "Sam\u0007\ufffe"},
}


def both_ways(page, site: str, record) -> dict:
    return page.evaluate(BOTH_WAYS, [site, record, BLOCK_IDS])


@pytest.fixture
def module_page(page, site):
    page.goto(site + "achievements/")  # the page whose words (messages) the progress file's code shows
    return page


@pytest.mark.parametrize("name", list(DAMAGED))
def test_the_stored_repair_and_the_file_restore_keep_the_same_passes(module_page, site, name):
    read = both_ways(module_page, site, DAMAGED[name])

    assert read["stored"]["passes"] == read["restored"]["passes"]
    assert read["stored"]["setAside"] == read["restored"]["setAside"] > 0  # nothing dropped unsaid
    assert read["restored"]["refused"] is None


def test_a_numeric_date_never_removes_a_pass_the_browser_holds(module_page, site):
    # The browser holds alpha's pass; the file says alpha passed "at 1".
    result = module_page.evaluate(
        """async ([siteRoot, pass]) => {
          const file = await import(new URL("assets/course/js/achievements/progress-file.js", siteRoot).href);
          const { emptyRecord, isPass } = await import(new URL("assets/course/js/record.js", siteRoot).href);
          const local = emptyRecord();
          local.blocks.alpha = pass;
          const text = JSON.stringify({ format: "mkdocs-course-record", version: 1, courseId: "fixture",
            record: { version: 1, blocks: { alpha: { ...pass, passedAt: 1, bestScore: 90 } } } });
          const read = file.parseProgressText(text, { courseId: "fixture", blockIds: ["alpha"] });
          const merged = file.restoreProgress(local, read);
          return { passed: isPass(merged.record.blocks.alpha), date: merged.record.blocks.alpha.passedAt };
        }""",
        [site, PASS],
    )
    assert result == {"passed": True, "date": PASS["passedAt"]}


def test_a_pass_dated_in_the_future_is_dated_now(module_page, site):
    future = (datetime.now(timezone.utc) + timedelta(days=365 * 70)).isoformat(timespec="milliseconds")
    read = both_ways(
        module_page, site, {"version": 2, "blocks": {"alpha": {**PASS, "passedAt": future.replace("+00:00", "Z")}}}
    )
    for way in ("stored", "restored"):
        assert read[way]["passes"] == ["alpha"]
        dated = datetime.fromisoformat(read[way]["dates"]["alpha"]["passedAt"].replace("Z", "+00:00"))
        assert dated <= datetime.now(timezone.utc)


def test_an_unknown_version_is_left_unread(module_page, site):
    read = both_ways(module_page, site, {"version": 99, "blocks": {"alpha": PASS}})
    assert read["stored"]["unreadable"] == "version 99"
    assert "format this site does not know" in read["restored"]["refused"]


def test_a_version_1_record_keeps_every_pass_and_its_attempt(module_page, site):
    old = {
        "version": 1,
        "blocks": {
            "alpha": {
                **PASS,
                "draft": {"marked": True, "qs": [{"id": "planet", "v": "abcd1234", "o": [1, 0], "r": 0}]},
            },
            "beta": PASS,
        },
        "questions": {"alpha": {"planet": {"variant": "abcd1234", "response": 0, "correct": True}}},
        "name": "Sam",
        "setAside": [{"reason": "restored block “gone” is not in this course", "value": PASS}],
    }
    read = both_ways(module_page, site, old)
    assert read["stored"]["passes"] == ["alpha", "beta"]
    assert read["stored"]["setAside"] == 0
    assert read["stored"]["dates"]["alpha"]["draft"] == {
        "marked": True,
        "questions": [{"id": "planet", "variant": "abcd1234", "order": [1, 0], "response": 0}],
    }


# Block entries as a careless tool or a hostile learner might write them.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 200),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from([PASS["passedAt"], "2026-13-40T99:99:99Z", "1"]),
)
entries = st.fixed_dictionaries(
    {},
    optional={
        "bestScore": scalars,
        "passed": scalars,
        "passedAt": scalars,
        "attempts": scalars,
        "draft": st.one_of(scalars, st.just({"questions": []})),
        "__proto__": scalars,
    },
)
records = st.fixed_dictionaries(
    {
        "version": st.sampled_from([1, 2]),
        "blocks": st.dictionaries(st.sampled_from(["alpha", "beta", "gone", "constructor"]), entries),
    },
    optional={
        "name": scalars,
        "questions": st.dictionaries(st.sampled_from(["alpha", "beta"]), st.one_of(scalars, st.just({}))),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=records)
def test_any_record_gives_the_same_passes_both_ways(module_page, site, record):
    read = both_ways(module_page, site, json.loads(json.dumps(record)))
    assert read["restored"]["refused"] is None
    assert read["stored"]["passes"] == read["restored"]["passes"]
    assert read["stored"]["setAside"] == read["restored"]["setAside"]


def test_restoring_the_same_file_again_sets_nothing_more_aside(module_page, site):
    # A file naming blocks the course no longer has, restored five times: one copy is kept aside.
    counts = module_page.evaluate(
        """async ([siteRoot, pass]) => {
          const file = await import(new URL("assets/course/js/achievements/progress-file.js", siteRoot).href);
          const { emptyRecord } = await import(new URL("assets/course/js/record.js", siteRoot).href);
          const text = JSON.stringify({ format: "mkdocs-course-record", version: 1, courseId: "fixture",
            record: { version: 2, blocks: { gone: pass, "also-gone": { ...pass, bestScore: 10 } } } });
          let record = emptyRecord();
          const counts = [];
          for (let round = 0; round < 5; round++) {
            const read = file.parseProgressText(text, { courseId: "fixture", blockIds: ["alpha"] });
            record = file.restoreProgress(record, read).record;
            counts.push(record.setAside.length);
          }
          return counts;
        }""",
        [site, PASS],
    )
    assert counts == [2, 2, 2, 2, 2]


def test_set_aside_data_is_bounded_and_a_file_over_the_bound_changes_nothing(module_page, site):
    result = module_page.evaluate(
        """async ([siteRoot, pass]) => {
          const file = await import(new URL("assets/course/js/achievements/progress-file.js", siteRoot).href);
          const record = await import(new URL("assets/course/js/record.js", siteRoot).href);
          const blocks = {};
          for (let i = 0; i < record.SET_ASIDE_MAX_ENTRIES + 5; i++) blocks[`gone-${i}`] = pass;
          const text = JSON.stringify({ format: "mkdocs-course-record", version: 1, courseId: "fixture",
            record: { version: 2, blocks } });
          const local = record.emptyRecord();
          local.blocks.alpha = pass;
          try {
            file.restoreProgress(local, file.parseProgressText(text, { courseId: "fixture", blockIds: ["alpha"] }));
            return { refused: null, kept: local.setAside.length };
          } catch (error) {
            return { refused: error.message, kept: local.setAside.length, passed: record.isPass(local.blocks.alpha) };
          }
        }""",
        [site, PASS],
    )
    assert "nothing was restored" in result["refused"]
    assert result["kept"] == 0 and result["passed"] is True
