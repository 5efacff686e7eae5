"""What the plugin adds to every finished page: its course data, and on widget pages the file:// notice."""

from __future__ import annotations

from typing import Any

from .quiz.render import json_for_script


def data_script(data: dict[str, Any]) -> str:
    return f'<script type="application/json" id="course-data">{json_for_script(data)}</script>'


def finish_page(html: str, data_script: str, end_of_body: str = "") -> str:
    """The course data goes last in <head> (instant navigation swaps <head> children that differ, so
    pages may carry different data); `end_of_body` goes just before </body>."""
    html = html.replace("</head>", f"{data_script}\n</head>", 1)
    if end_of_body:
        head, body_end, tail = html.rpartition("</body>")
        html = f"{head}{end_of_body}\n{body_end}{tail}" if body_end else html + end_of_body
    return html
