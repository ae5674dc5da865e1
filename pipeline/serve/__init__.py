"""``ligetil serve``'s machinery: what the browser is shown (page), the HTTP server, the watcher.

Like MkDocs' livereload beside its ``commands/serve.py``: the command decides the order
(bind, build, serve, watch, rebuild); this package knows nothing of the build itself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BuildState:
    """The outcome of the latest build, as the server shows it."""

    version: int = 0  # goes up whenever what the browser should show has changed
    error: str | None = None  # "content/x.md:4: …" while the latest build failed


class Live:
    """The latest BuildState, shared by the rebuilding thread and the request threads."""

    def __init__(self) -> None:
        self.state = BuildState()  # replaced whole, never changed in place: readers need no lock

    def finished(self, error: str | None, changed: bool) -> None:
        """Record a build's outcome; a new version makes open pages reload."""
        if changed or error != self.state.error:
            self.state = BuildState(self.state.version + 1, error)
