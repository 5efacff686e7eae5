"""The course as the rest of the package sees it: settings from mkdocs.yml and its blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..messages.catalog import Messages, site_messages
from ..quiz.model import Quiz


@dataclass(frozen=True)
class Provider:
    name: str
    url: str = ""


@dataclass(frozen=True)
class CourseSettings:
    id: str
    title: str
    description: str = ""
    provider: Provider = Provider("")
    outcomes: tuple[str, ...] = ()
    hours: float | None = None
    pass_mark: float = 50.0
    free: bool = False  # the author says the course costs nothing; only then do badges and the statement say so
    locale: str = "en"  # BCP 47: how dates are written (course/options.py; the progress helper's field)
    # The words shown to learners, in the site's language (messages/catalog.py).
    messages: Messages = field(default_factory=lambda: site_messages("en"))


@dataclass(frozen=True)
class Block:
    """A top-level folder of the lessons, in navigation order, ending with its quiz."""

    id: str  # the folder name; progress and badges are keyed by it
    title: str
    number: int  # 1-based position in the navigation
    url: str  # the block's first page, relative to the site root
    quiz_url: str
    quiz: Quiz
    # The block's own learning outcomes, from its first page's front matter (course/outcomes.py):
    # its badge's credential and the statement list them.
    outcomes: tuple[str, ...] = ()

    def pass_mark(self, settings: CourseSettings) -> float:
        return self.quiz.pass_mark if self.quiz.pass_mark is not None else settings.pass_mark
