"""An author's SVG badge artwork is checked at build for what a browser cannot draw on a canvas and
export: each refusal names mkdocs.yml's `badges.<block>.image`, the file, the line and the reason.
tests/browser/test_badges_browser.py shows the browser's side: accepted artwork draws and exports,
and a <foreignObject> taints the canvas."""

from __future__ import annotations

import base64
from pathlib import Path
from urllib.parse import quote

import pytest

from course_factory import make_course
from mkdocs_course.badges.drawable import svg_problems
from mkdocs_course.badges.images import image_type
from mkdocs_course.badges.publish import BadgeLook, badge_documents
from mkdocs_course.course.model import Block, CourseSettings
from mkdocs_course.errors import CourseError
from mkdocs_course.quiz.model import Quiz
from site_build import build

NS = 'xmlns="http://www.w3.org/2000/svg"'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
PIXEL = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def svg(body: str, *, head: str = "") -> bytes:
    return f'{head}<svg {NS} {XLINK} viewBox="0 0 10 10">\n{body}\n</svg>'.encode()


def embedded(inner: bytes, *, as_base64: bool = True) -> str:
    if as_base64:
        return "data:image/svg+xml;base64," + base64.b64encode(inner).decode()
    return "data:image/svg+xml," + quote(inner.decode())


DRAWABLE = {
    "shapes and a gradient by fragment": svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>'
        '<rect width="10" height="10" fill="url(#g)" style="stroke: url( \'#g\' )"/>'
    ),
    "use and xlink:href to fragments": svg('<circle id="c" r="2"/><use href="#c" x="4"/><use xlink:href="#c"/>'),
    "a raster picture as a data URI": svg(f'<image href="{PIXEL}" width="10" height="10"/>'),
    "a style sheet of its own": svg("<style><![CDATA[ .a { fill: url(#g) } /* url(http://x/) */ ]]></style>"),
    "an embedded SVG that is fine": svg(f'<image href="{embedded(svg("<rect/>"))}"/>'),
    "a link, which loads nothing": svg('<a href="https://example.org/"><text>x</text></a>'),
    "Illustrator's entities and doctype": (
        b'<?xml version="1.0" encoding="utf-8"?>\n'
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n'
        b'\t<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n'
        b'\t<!ENTITY ns_xlink "http://www.w3.org/1999/xlink">\n'
        b']>\n<svg version="1.1" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;"><rect/></svg>'
    ),
}


@pytest.mark.parametrize("data", DRAWABLE.values(), ids=DRAWABLE.keys())
def test_svg_a_canvas_can_draw_passes(data: bytes) -> None:
    assert svg_problems(data) == []


REFUSED = [
    (svg("<foreignObject><p>hi</p></foreignObject>"), "a <foreignObject> (line 2)", "Tainted canvases"),
    (svg("<script>alert(1)</script>"), "a <script> (line 2)", "scripts never run"),
    (svg('<rect onclick="x()"/>'), "an event handler `onclick` (line 2)", "scripts never run"),
    (svg("", head="").replace(b"<svg ", b'<svg onload="x()" '), "event handler `onload` (line 1)", ""),
    (svg('<image href="https://cdn.example/a.png"/>'), "'https://cdn.example/a.png' in <image href> (line 2)", ""),
    (svg('<image xlink:href="http://cdn.example/a.png"/>'), "'http://cdn.example/a.png' in <image href>", ""),
    (svg('<image href="file:///home/me/art.png"/>'), "'file:///home/me/art.png' in <image href>", "missing"),
    (svg('<image href="art/face.png"/>'), "'art/face.png' in <image href>", ""),
    (svg('<use href="shapes.svg#star"/>'), "'shapes.svg#star' in <use href>", ""),
    (svg('<feImage href="//cdn.example/x.png"/>'), "'//cdn.example/x.png' in <feImage href>", ""),
    (svg('<rect fill="url(https://x.example/p.svg#g)"/>'), "the `fill` of <rect>, url() (line 2)", ""),
    (svg("<rect style=\"fill: url('paint.svg#g')\"/>"), "'paint.svg#g' in the `style` of <rect>, url()", ""),
    (svg("<style>\n.a { background: url(http://x.example/b.png) }</style>"), "in <style>, url() (line 2)", ""),
    (svg('<style>@import url("https://fonts.example/css");</style>'), "an @import of 'https://fonts.example/css'", ""),
    (svg("<style>@import 'local.css';</style>"), "an @import of 'local.css' in <style>", "styles would be missing"),
    (svg("<style>@font-face { src: url(f.woff2) }</style>"), "'f.woff2' in <style>, url()", ""),
    (svg("", head='<?xml-stylesheet href="s.css"?>'), "'s.css' in <?xml-stylesheet?>", ""),
    (svg('<image><set attributeName="href" to="http://x.example/a.png"/></image>'), "in <set to>", ""),
    (
        svg("&e;", head='<!DOCTYPE svg [<!ENTITY e SYSTEM "http://x.example/e.xml">]>'),
        "'http://x.example/e.xml' in an external entity",
        "",
    ),
    (
        svg("&fo;", head='<!DOCTYPE svg [<!ENTITY fo "<foreignObject/>">]>'),
        "a <foreignObject>",
        "",
    ),
    (
        svg(f'<image href="{embedded(svg("<foreignObject/>"))}"/>'),
        "in the SVG embedded at line 2, a <foreignObject>",
        "",
    ),
    (
        svg(f'<image href="{embedded(svg("<script/>"), as_base64=False)}"/>'),
        "in the SVG embedded at line 2, a <script>",
        "",
    ),
    (svg('<image href="data:image/svg+xml;base64,@@@"/>'), "its data URI is not valid base64", ""),
    (b"<svg " + NS.encode() + b"><g></svg>", "not well-formed XML (mismatched tag, line 1, column", ""),
    (b"<svg><rect/></svg>", "its root element is <svg> in no namespace", "browsers draw nothing"),
    (b'<?xml version="1.0"?>\n<!-- only a comment -->', "not well-formed XML", ""),
]


@pytest.mark.parametrize(("data", "words", "why"), REFUSED)
def test_svg_a_canvas_cannot_draw_is_named_with_line_and_reason(data: bytes, words: str, why: str) -> None:
    problems = " | ".join(svg_problems(data))
    assert words in problems and why in problems


def test_an_entity_bomb_is_refused_not_expanded() -> None:
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    problems = svg_problems(svg("<text>&a9;</text>", head=f"<!DOCTYPE svg [{entities}]>"))
    assert len(problems) == 1 and "not well-formed XML" in problems[0]


def test_pictures_nested_too_deep_are_refused() -> None:
    inner = svg("<rect/>")
    for _ in range(5):
        inner = svg(f'<image href="{embedded(inner)}"/>')
    assert any("nested more than 3 deep" in problem for problem in svg_problems(inner))


def test_the_message_names_the_option_the_file_and_what_to_write(tmp_path: Path) -> None:
    (tmp_path / "art.svg").write_bytes(svg("<foreignObject/><script/><rect onload='x'/><image href='a.png'/>"))
    with pytest.raises(CourseError) as caught:
        image_type(tmp_path / "art.svg", "art/art.svg", "badges.first-block.image")
    error = caught.value
    assert str(error.where) == "mkdocs.yml"
    assert error.problem.startswith(
        "`badges.first-block.image` is 'art/art.svg': it cannot be drawn into learners' PNG badges and PDF "
        "statements. Found: a <foreignObject> (line 2)"
    )
    assert error.problem.endswith("; and 1 more.")
    assert "write `image: art/art.png`" in error.fix


def test_badges_refuse_such_artwork_without_mkdocs(tmp_path: Path) -> None:
    (tmp_path / "art.svg").write_bytes(svg("<foreignObject/>"))
    settings = CourseSettings(id="c", title="Course")
    block = Block(
        id="b", title="B", number=1, url="b/", quiz_url="b/quiz/", quiz=Quiz(block_id="b", source=None, questions=())
    )
    look = BadgeLook(image=tmp_path / "art.svg", image_shown="art.svg")
    with pytest.raises(CourseError, match=r"^mkdocs.yml: `badges.b.image` is 'art.svg': .*<foreignObject>"):
        badge_documents(settings, [block], {"b": look}, "")


def test_a_build_with_such_artwork_stops_naming_the_block_and_file(tmp_path: Path) -> None:
    art = tmp_path / "art"
    art.mkdir()
    (art / "medal.svg").write_bytes(svg('<foreignObject width="10" height="10"><div>Well done</div></foreignObject>'))
    course = make_course(
        tmp_path, blocks=("first-block",), plugin_options={"badges": {"first-block": {"image": "art/medal.svg"}}}
    )
    result = build(course.root, strict=True, check=False)
    assert not result.ok and "Traceback" not in result.error
    assert "option 'badges': block 'first-block': Sub-option 'image'" in result.error
    assert "`image` is 'art/medal.svg': it cannot be drawn" in result.error
    assert "a <foreignObject> (line 2)" in result.error and "Tainted canvases may not be exported" in result.error


def test_a_build_with_drawable_artwork_embeds_it(tmp_path: Path) -> None:
    (tmp_path / "art.svg").write_bytes(DRAWABLE["shapes and a gradient by fragment"])
    course = make_course(
        tmp_path, blocks=("first-block",), plugin_options={"badges": {"first-block": {"image": "art.svg"}}}
    )
    build(course.root, strict=True)
    assert "data:image/svg+xml;base64," in (course.site / "badges" / "first-block.svg").read_text(encoding="utf-8")
