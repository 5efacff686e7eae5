"""The build publishes each block's badge artwork and credential template, from mkdocs.yml settings."""

from __future__ import annotations

import base64
import json

from course_factory import make_course
from site_build import build

ONE_PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def test_each_block_gets_a_badge_and_a_credential_template(tmp_path):
    course = make_course(
        tmp_path,
        plugin_options={"pass_mark": 70, "provider": {"name": "Open College", "url": "https://college.example/"}},
        config={"site_url": "https://courses.example/jobs/"},
    )
    build(course.root, strict=True)

    for number, block in enumerate(("first-block", "second-block"), start=1):
        svg = (course.site / "badges" / f"{block}.svg").read_text(encoding="utf-8")
        assert f"Badge for block {number}" in svg and 'role="img"' in svg
        credential = json.loads((course.site / "badges" / f"{block}.credential.json").read_text(encoding="utf-8"))
        assert credential["issuer"]["name"] == "Open College"
        achievement = credential["credentialSubject"]["achievement"]
        assert achievement["id"] == f"https://courses.example/jobs/{block}/"
        assert "at least 70%" in achievement["criteria"]["narrative"]
        assert "self-asserted" in credential["description"]
    data = (course.site / "index.html").read_text(encoding="utf-8")
    assert '"badgeUrl":"badges/first-block.svg"' in data
    assert '"credentialUrl":"badges/second-block.credential.json"' in data


def test_author_colour_and_image(tmp_path):
    (tmp_path / "art.png").write_bytes(ONE_PIXEL_PNG)
    course = make_course(
        tmp_path,
        plugin_options={
            "badges": {"first-block": {"colour": "#123456", "image": "art.png"}, "second-block": {"colour": "#fc0"}}
        },
    )
    build(course.root, strict=True)

    first = (course.site / "badges" / "first-block.svg").read_text(encoding="utf-8")
    assert 'fill="#123456"' in first and "data:image/png;base64," in first
    assert "#ffcc00" in (course.site / "badges" / "second-block.svg").read_text(encoding="utf-8").lower()


def test_badges_for_a_block_the_course_does_not_have_are_reported(tmp_path):
    # A colour that is not a colour stops the build earlier, as MkDocs reads the options: test_options.py.
    course = make_course(tmp_path, plugin_options={"badges": {"second-block": {"colour": "#123"}, "third": {}}})

    result = build(course.root, strict=True, check=False)

    assert "mkdocs.yml: `badges` names the block 'third', which the course does not have." in result.error
    assert "Use one of: first-block, second-block." in result.error


def test_only_the_author_calls_the_course_free(tmp_path):
    """Quiz passes are all a badge or statement rests on: a claim about cost is the author's (`free`)."""
    plain = make_course(tmp_path / "plain")
    build(plain.root, strict=True)
    credential = json.loads((plain.site / "badges" / "first-block.credential.json").read_text(encoding="utf-8"))
    assert "free" not in credential["description"]
    assert '"free":false' in (plain.site / "achievements" / "index.html").read_text(encoding="utf-8")

    free = make_course(tmp_path / "free", plugin_options={"free": True})
    build(free.root, strict=True)
    credential = json.loads((free.site / "badges" / "first-block.credential.json").read_text(encoding="utf-8"))
    assert "of the free course" in credential["description"]
    assert '"free":true' in (free.site / "achievements" / "index.html").read_text(encoding="utf-8")
