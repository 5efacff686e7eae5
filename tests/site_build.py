"""Build an MkDocs project in this process, as `mkdocs build` does: the one way tests and benchmarks
build a site.

    from site_build import build
    built = build(project)                      # raises BuildFailed with what MkDocs stopped with
    built = build(project, strict=True, check=False)
    if not built.ok: print(built.error)

Bench scripts import it too: they put tests/ on sys.path first.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path


class BuildFailed(Exception):
    """The build stopped: the message is what MkDocs logged as errors and stopped with."""


@dataclass
class Built:
    site_dir: Path
    error: str = ""  # what MkDocs logged as errors and stopped with; empty when it built
    warnings: list[str] = field(default_factory=list)  # every WARNING logged under `mkdocs.`
    cpu_seconds: float = 0.0  # CPU time of this process, loading the config to shutting down
    wall_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.error


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build(
    project: str | os.PathLike[str],
    site_dir: str | os.PathLike[str] | None = None,
    *,
    site_url: str | None = None,
    strict: bool | None = None,
    command: str = "build",
    check: bool = True,
) -> Built:
    """Build `project` (a folder holding mkdocs.yml, or the config file itself).

    `site_dir` and `site_url` override the config's (material's instant navigation only follows
    links under `site_url`, so give a served site its served URL); `strict` is `--strict`
    (None: as the config says). Calls the plugins' startup and shutdown events as the CLI does,
    telling them `command` ("build"; "serve" for what `mkdocs serve` builds, e.g. unminified assets).
    With `check` a failed build raises BuildFailed; without it, read `ok` and `error`.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    config_file = Path(project)
    if config_file.is_dir():
        config_file = config_file / "mkdocs.yml"
    options: dict[str, object] = {}
    if site_dir is not None:
        options["site_dir"] = str(site_dir)
    if site_url is not None:
        options["site_url"] = site_url
    if strict is not None:
        options["strict"] = strict

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    error = ""
    site = Path(site_dir) if site_dir is not None else config_file.parent / "site"
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        config = load_config(config_file=str(config_file), **options)
        site = Path(config["site_dir"])
        config.plugins.on_startup(command=command, dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, MkDocsException) as exc:  # an invalid config, or a build that stopped
        error = str(exc)
    finally:
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        logger.removeHandler(collect)

    if error:
        logged = [r.getMessage() for r in collect.records if r.levelno >= logging.ERROR]
        error = "\n".join([*logged, error])
    built = Built(
        site_dir=site,
        error=error,
        warnings=[r.getMessage() for r in collect.records if r.levelno == logging.WARNING],
        cpu_seconds=cpu,
        wall_seconds=wall,
    )
    if check and error:
        raise BuildFailed(f"{config_file} did not build:\n{error}")
    return built
