"""The course under ProperDocs, the maintained MkDocs 1.x fork (PyPI `properdocs`), for when
mkdocs-material and MkDocs 1.x are no longer maintained: the sample course and the fixture course
build with `properdocs build --strict`, and a learner takes their quizzes and sees the achievements.

ProperDocs lives only in this module's own virtual environment (installed from PyPI at test time),
never beside the suite's MkDocs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import answer_alpha, answer_everything, check_answers, result
from playwright.sync_api import expect

from conftest import FIXTURES, REPO

PROPERDOCS = "properdocs>=1.6,<2"


@pytest.fixture(scope="module")
def properdocs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `properdocs` command of a fresh virtual environment holding ProperDocs and this project."""
    venv = tmp_path_factory.mktemp("properdocs") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", PROPERDOCS, "-e", str(REPO)],
        check=True,
        timeout=600,
    )
    return venv / "bin" / "properdocs"


def properdocs_build(properdocs: Path, config: Path, site_dir: Path, site_url: str) -> None:
    """Builds with --strict for a public address, then for the test server's address (about which the
    plugin warns, rightly: the build is only for this browser), and checks it warned of nothing else."""
    env = {**os.environ, "SITE_URL": "https://courses.example/course/", "NO_MKDOCS_2_WARNING": "1"}
    command = [str(properdocs), "build", "-f", str(config), "-d", str(site_dir)]
    done = subprocess.run([*command, "--strict"], cwd=config.parent, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    env["SITE_URL"] = site_url
    done = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("WARNING")]
    assert [w for w in warnings if "`site_url` is http://127.0.0.1:" not in w] == []
    generator = re.search(r'<meta name="generator" content="([^"]*)"', (site_dir / "index.html").read_text())
    assert generator and "ProperDocs" in generator.group(1)  # built by ProperDocs, not MkDocs


@pytest.fixture(scope="module")
def sample(www, properdocs) -> str:
    root, base = www
    properdocs_build(properdocs, REPO / "mkdocs.yml", root / "properdocs-sample", f"{base}/properdocs-sample/")
    return f"{base}/properdocs-sample/"


@pytest.fixture(scope="module")
def fixture_course(www, properdocs, tmp_path_factory) -> str:
    root, base = www
    project = tmp_path_factory.mktemp("properdocs-fixture") / "course"
    shutil.copytree(FIXTURES / "course", project)
    url = f"{base}/properdocs-fixture/"
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_url: !ENV SITE_URL\n", encoding="utf-8")
    properdocs_build(properdocs, config, root / "properdocs-fixture", url)
    return url


def test_every_sample_quiz_marks_under_properdocs(page, sample):
    page.goto(sample)
    data = page.evaluate("JSON.parse(document.getElementById('course-data').textContent)")
    assert len(data["blocks"]) == 4
    for block in data["blocks"]:
        page.goto(sample + block["quizUrl"])
        expect(page.get_by_role("group").first).to_be_visible()
        answer_everything(page)
        check_answers(page)
        expect(page.get_by_role("heading", name=re.compile(r"Your score: \d+%"))).to_be_focused()
        expect(result(page)).to_contain_text("pass mark")
    page.goto(sample + "achievements/")
    expect(page.get_by_role("heading", name=re.compile(r"^Block \d: "))).to_have_count(4)
    assert page.errors == []


def test_a_learner_passes_a_quiz_and_earns_its_badge_under_properdocs(page, fixture_course):
    page.goto(fixture_course + "alpha/quiz/")
    answer_alpha(page, right=True)
    check_answers(page)
    expect(page.get_by_role("heading", name="Your score: 100%")).to_be_focused()
    page.goto(fixture_course + "achievements/")
    expect(page.get_by_role("img", name="Badge earned: Alpha")).to_be_visible()
    expect(page.get_by_role("img", name="Badge not earned yet: Beta")).to_be_visible()
    assert page.errors == []
