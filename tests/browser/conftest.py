"""Browser fixtures: build fixture courses into a served folder and drive Debian's Chromium.

Sites are built with MkDocs into sub-folders of one static server on 127.0.0.1, so every test
also checks that the course works from a sub-path. Never downloads a browser.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from chromium import CHROMIUM, launch
from helpers import learner_page
from playwright.sync_api import expect
from static_server import serve

sys.path.insert(0, str(Path(__file__).parent.parent))  # tests/: site_build, shared with the other tests
from site_build import build  # noqa: E402

# A 2-core CI machine builds sites and runs Chromium side by side: give what a page shows
# time to appear (the assertions are the same; only the wait is longer than Playwright's 5 s).
expect.set_options(timeout=15_000)

FIXTURES = Path(__file__).parent.parent / "fixtures"
REPO = Path(__file__).parent.parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def www(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A static server on a random port: (folder it serves, its base URL)."""
    root = tmp_path_factory.mktemp("www")
    with serve(root) as url:
        yield root, url


Builder = Callable[..., str]


@pytest.fixture(scope="session")
def build_site(www: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Builder:
    """build_site(name, source=fixture folder, edit=callable(project dir)) -> the site's URL.

    Copies the fixture project, lets the test edit it, and builds it into www/<name>/; building
    again under the same name rebuilds into the same folder (a quiz edited between visits).
    """
    root, base = www
    projects = tmp_path_factory.mktemp("projects")

    def build_named(name: str, source: Path = FIXTURES / "course", edit: Callable[[Path], None] | None = None) -> str:
        project = projects / name
        if project.exists():
            shutil.rmtree(project)
        shutil.copytree(source, project)
        if edit:
            edit(project)
        # Material's instant navigation only takes links found in sitemap.xml, whose URLs come
        # from site_url with the host and protocol swapped but the port kept: the served URL.
        build(project, root / name, site_url=f"{base}/{name}/")
        return f"{base}/{name}/"

    return build_named


@pytest.fixture(scope="session")
def site(build_site: Builder) -> str:
    """The fixture course, built once: its root URL."""
    return build_site("course")


@pytest.fixture(scope="session")
def sample(www: tuple[Path, str]) -> str:
    """The sample course (content/, quizzes/, mkdocs.yml), built once into www/sample/: its URL.
    Each test opens it in a new browser context, so no learner's record carries over."""
    root, base = www
    build(REPO, root / "sample", site_url=f"{base}/sample/")
    return f"{base}/sample/"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (scripts/test does)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


@pytest.fixture()
def context(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture()
def page(context):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.errors = []  # uncaught exceptions, checked by tests that care
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


@pytest.fixture()
def learner(browser):  # type: ignore[no-untyped-def]
    """A page that accepts downloads; any dialog or page error fails the test (helpers.learner_page)."""
    with learner_page(browser) as page:
        yield page
