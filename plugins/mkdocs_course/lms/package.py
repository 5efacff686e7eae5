"""`mkdocs-course package`: the course as an LMS package, a zip an LMS imports.

The site is built as an author builds it (`python -m mkdocs build`), into a temporary folder, with
LMS mode on (`MKDOCS_COURSE_LMS`) and without directory URLs: an LMS serves the package's files as
they are, so every link must name its `.html` file. `site_url` stays as mkdocs.yml sets it: pages
link to each other by relative URLs whatever it is, and badges name the course's public address by
it (a package has no address of its own: each LMS serves it from wherever it keeps uploads).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import ENVIRONMENT_VARIABLE, FORMAT_NAMES, LAUNCH_PAGE, checked_format
from .launch import read_launch_data
from .manifest import manifest_for


class PackageError(Exception):
    """The package could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class Package:
    path: Path
    format: str
    title: str
    mastery_score: float
    files: int


def default_output(config_file: Path, course_id: str, lms_format: str) -> Path:
    return config_file.resolve().parent / "dist" / f"{course_id}-{lms_format}.zip"


def build_site(config_file: Path, site_dir: Path, lms_format: str, *, strict: bool = False) -> None:
    """Build the course with MkDocs in LMS mode; its messages go to this process's stderr."""
    command = [sys.executable, "-m", "mkdocs", "build", "--no-directory-urls"]
    command += ["--config-file", str(config_file), "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    environment = {**os.environ, ENVIRONMENT_VARIABLE: lms_format}
    finished = subprocess.run(command, env=environment, cwd=config_file.resolve().parent, check=False)
    if finished.returncode != 0:
        raise PackageError(f"MkDocs could not build {config_file} (its messages are above), so no package was made.")


def site_files(site_dir: Path) -> list[str]:
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())


def zip_site(site_dir: Path, files: list[str], output: Path) -> int:
    """`files`, every file of the site, the manifest first (some LMSs look for it at the start)."""
    first = [name for name in files if name in ("imsmanifest.xml", "cmi5.xml")]
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in first + [name for name in files if name not in first]:
            archive.write(site_dir / name, name)
    partial.replace(output)  # never a half-written package under the real name
    return len(files)


def package_course(config_file: Path, lms_format: str, output: Path | None = None, *, strict: bool = False) -> Package:
    """Build the course at `config_file` (mkdocs.yml) as a `lms_format` package at `output`."""
    lms_format = checked_format(lms_format)
    if not lms_format:
        raise PackageError(f"Name a package format: {', '.join(FORMAT_NAMES)}.")
    if not config_file.is_file():
        raise PackageError(f"{config_file} is not a file: name the course's mkdocs.yml with -f.")
    with tempfile.TemporaryDirectory(prefix="mkdocs-course-package-") as temporary:
        site_dir = Path(temporary) / "site"
        build_site(config_file, site_dir, lms_format, strict=strict)
        launch_page = site_dir / LAUNCH_PAGE
        if not launch_page.is_file():
            raise PackageError(
                f"The build made no {LAUNCH_PAGE}: is the `course` plugin listed under `plugins` in {config_file}?"
            )
        course = read_launch_data(launch_page.read_text(encoding="utf-8"))
        files = site_files(site_dir)
        name, manifest = manifest_for(course, files)
        (site_dir / name).write_text(manifest, encoding="utf-8")
        output = output or default_output(config_file, course["courseId"], lms_format)
        count = zip_site(site_dir, sorted({*files, name}), output)
    return Package(output, lms_format, course["title"], course["masteryScore"], count)
