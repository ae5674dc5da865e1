"""The command layer: the only code that reads and writes project files."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from pipeline.config import Settings, load_settings


class App:
    """What every command shares: the project folder, its settings, the consoles."""

    def __init__(self, project: str | Path = "."):
        self.project = Path(project)
        self.out = Console(highlight=False, soft_wrap=True)
        if not self.out.is_terminal:
            self.out.width = 160  # pipes and logs: don't squeeze tables to 80 columns
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)

    @cached_property
    def settings(self) -> Settings:
        """Load ``ligetil.toml`` once, on first use."""
        return load_settings(self.project)

    def forget_settings(self) -> None:
        """Read ``ligetil.toml`` again on next use (``ligetil serve`` after it changed)."""
        self.__dict__.pop("settings", None)


def progress_bar(console: Console, *, remaining: bool = False) -> Progress:
    """Return the progress bar of long work (on stderr, gone when done): time elapsed, or left."""
    clock = TimeRemainingColumn() if remaining else TimeElapsedColumn()
    return Progress(TextColumn("{task.description:<36}"), BarColumn(), MofNCompleteColumn(), clock,
                    console=console, transient=True)
