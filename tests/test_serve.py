"""`mkdocs serve`: quiz edits reload, and a broken quiz shows its mistakes without stopping the server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from course_factory import QUIZ_OK, make_course
from mkdocs_course.assets import ASSETS_DIR


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, contains: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
            if contains in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {contains!r}; last page:\n{last[:2000]}")


def test_serve_reloads_quiz_edits_and_survives_a_broken_quiz(tmp_path):
    course = make_course(tmp_path, blocks=("first-block",))
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=course.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/first-block/quiz/"
    try:
        # The questions are HTML in the page as built (the quiz's first attempt).
        _wait_for(url, "Which <strong>one</strong>?")

        course.write_quiz("first-block", QUIZ_OK.replace("type: single", "type: singel"))
        broken = _wait_for(url, "This quiz cannot be built yet")
        assert "quizzes/first-block.yml:3:11" in broken
        assert "Did you mean &#39;single&#39;?" in broken

        course.write_quiz("first-block", QUIZ_OK.replace("Which **one**?", "Which *single* one?"))
        _wait_for(url, "Which <em>single</em> one?")

        # Authors debug the readable module, not the minified one a build publishes.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/assets/course/js/course.js", timeout=5) as response:
            assert response.read() == (ASSETS_DIR / "js" / "course.js").read_bytes()
        assert server.poll() is None, "the server kept running"
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "quizzes/first-block.yml:3:11: question 'pick-one' has the unknown type 'singel'" in output
    assert "Traceback" not in output
