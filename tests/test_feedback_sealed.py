"""No feedback or explanation of the sample course can be read anywhere in the built site: not the
quiz page's source, not its search index, not any file (quiz/sealing.py). Feedback used to say
which option was right ("Yes. ..."), and explanations gave typed answers away."""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from site_build import build

REPO = Path(__file__).parents[1]
RUN = 8  # words in a row that would give a text away


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


def author_texts(quizzes: Path) -> list[str]:
    """Every option feedback and every explanation, as the author wrote them."""
    texts = []
    for path in sorted(quizzes.glob("*.yml")):
        for question in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            for variant in question.get("variants", [question]):
                texts.append(variant.get("explanation", ""))
                texts += [option.get("feedback", "") for option in variant.get("options", [])]
    return [text for text in texts if len(words(text)) >= 4]


def site_words(site: Path) -> list[str]:
    """The words of every text file of the site, markup and escapes removed, as a reader sees them."""
    found = []
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix in {".png", ".pdf", ".ttf", ".woff2", ".gz", ".ico"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda match: chr(int(match[1], 16)), text)
        found.append(" ".join(words(re.sub(r"<[^>]+>", " ", html.unescape(text)))))
    return found


def test_no_feedback_or_explanation_is_in_the_built_sample(tmp_path: Path) -> None:
    build(REPO, tmp_path / "site")
    texts = author_texts(REPO / "quizzes")
    assert len(texts) > 40, "the sample's quizzes have feedback and explanations to look for"
    pages = site_words(tmp_path / "site")
    leaks = []
    for text in texts:
        sequence = words(text)
        runs = [sequence] if len(sequence) < RUN else [sequence[i : i + RUN] for i in range(len(sequence) - RUN + 1)]
        for run in runs:
            phrase = " ".join(run)
            if any(f" {phrase} " in f" {page} " for page in pages):
                leaks.append(phrase)
                break
    assert leaks == []
