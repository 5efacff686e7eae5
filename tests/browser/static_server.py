"""A quiet static web server in a thread, for browser tests and benchmarks."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve(directory: Path | str) -> Iterator[str]:
    """Serves `directory` on 127.0.0.1 at a free port; yields the base URL, without a final slash."""
    with serve_with(functools.partial(_Quiet, directory=str(directory))) as base:
        yield base


@contextlib.contextmanager
def serve_with(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serves requests with `handler` on 127.0.0.1 at a free port; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
