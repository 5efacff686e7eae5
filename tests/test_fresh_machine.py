"""The README's commands work with the distribution's own python3 (Debian 12, Ubuntu 24.04), which
refuses `pip install` outside a virtual environment (PEP 668): scripts/serve and scripts/test make
and use one themselves.

The check runs the README's serve command, told to build instead, on a copy of the repository as it
would be committed (path with a space in it), with `python3` on PATH being /usr/bin/python3.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SYSTEM_PYTHON = Path("/usr/bin/python3")


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start.*?(?=^## )", readme, re.S | re.M)
    assert section, "README.md has no Quick start section"
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section.group(0), re.S)]


def test_readme_commands_make_their_own_virtual_environment():
    assert quick_start_commands() == ["bash scripts/serve", "bash scripts/test"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "python3 -m pip install" not in readme  # stops with externally-managed-environment


def copy_as_committed(destination: Path) -> None:
    """The tracked and new (not ignored) files of the working tree: what a clone would hold once committed."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # a tracked file deleted in the working tree is not copied
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


@pytest.mark.skipif(not SYSTEM_PYTHON.exists(), reason="no /usr/bin/python3: not a Debian or Ubuntu system Python")
def test_serve_script_builds_the_sample_with_the_system_python(tmp_path):
    clone = tmp_path / "clean clone"
    copy_as_committed(clone)
    site = tmp_path / "site out"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHON", "VENV", "VIRTUAL_ENV", "PYTHONPATH"}}
    env.update(PATH="/usr/bin:/bin", SITE_URL="https://courses.example/rejected/", NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        ["bash", "scripts/serve", "build", "--strict", "-d", str(site)],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "externally-managed-environment" not in done.stderr
    venv_python = clone / ".venv" / "bin" / "python"
    base = subprocess.run(
        [str(venv_python), "-c", "import sys; print(sys.base_prefix)"], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert base == "/usr"  # the environment was made by the system python3
    assert (site / "index.html").is_file()
    assert (site / "achievements" / "index.html").is_file()
    quizzes = sorted(site.glob("*/quiz/index.html"))
    assert quizzes and 'class="course-quiz' in quizzes[0].read_text(encoding="utf-8")
    assert "https://courses.example/rejected/" in (site / "sitemap.xml").read_text(encoding="utf-8")
