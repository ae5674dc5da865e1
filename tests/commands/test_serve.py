"""`ligetil serve`: a real server on a free port and a real watcher, on a copy of the sample project."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import REPO, cli_env, copy_sample

SERVE = ("--lang", "da", "--guide", "madservice", "--format", "html")  # one page in Danish: a short build
PAGE = "da/madservice.html"
WAIT = 30.0  # the most any one thing may take to be seen (the first build takes a few seconds)
TEXT = "Vi laver mad til cirka 3.200 borgere hver dag."
EDITED = "Vi laver mad til cirka 3.500 borgere hver dag."


class Served:
    """A `ligetil serve --port 0` process, its address, and what it has printed so far."""

    def __init__(self, project: Path, *args: str):
        # `python -m pipeline` with this checkout first on the path: the installed `ligetil` may
        # belong to another checkout (a git worktree shares the virtualenv).
        env = {**cli_env(), "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen([sys.executable, "-m", "pipeline", "-C", str(project), "serve",
                                         "--port", "0", *args], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, env=env)
        self.out: list[str] = []
        self.err: list[str] = []
        self.readers = [threading.Thread(target=lines.extend, args=(stream,), daemon=True)
                        for lines, stream in ((self.out, self.process.stdout), (self.err, self.process.stderr))]
        for reader in self.readers:
            reader.start()
        serving = until(lambda: next((line for line in self.out if line.startswith("Serving ")), None),
                        "the server never said where it serves", self)
        self.url = re.search(r"http://127\.0\.0\.1:\d+/", serving).group(0)

    def get(self, path: str) -> tuple[int, str]:
        """Return the status and text of one GET."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def stop(self) -> int:
        """Press Ctrl-C; return the exit code once the process has ended and its output is read."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=WAIT)
        for reader in self.readers:
            reader.join(timeout=WAIT)
        return code


def until(found: Callable, what: str, served: Served | None = None):
    """Poll ``found()`` until it returns something true (then return it); fail after WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if served is not None and served.process.poll() is not None:
            break
        value = found()
        if value:
            return value
        time.sleep(0.1)
    printed = "" if served is None else "".join(served.out + served.err)
    raise AssertionError(f"{what} within {WAIT:.0f} s\n{printed}")


@pytest.fixture
def project(tmp_path, fixed_dates) -> Path:
    """A copy of the sample project with one guide."""
    return copy_sample(tmp_path / "project", guides=("madservice",), languages=("en",))


@pytest.fixture
def served(project):
    """`ligetil serve` on the project; stopped after the test, whatever happened."""
    server = Served(project, *SERVE)
    yield server
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait(timeout=WAIT)


def served_page(served: Served, test: Callable[[int, str], bool]) -> tuple[int, str]:
    """Poll the guide's page until ``test(status, text)`` holds; return that answer."""
    answers: list[tuple[int, str]] = []

    def check():
        answers.append(served.get(PAGE))
        return test(*answers[-1])

    until(check, f"the served page did not change as expected (last: {answers[-1:]!r})", served)
    return answers[-1]


def test_serve_shows_an_edit_then_the_build_error_at_its_line_then_the_fixed_page(served, project):
    guide = project / "content" / "madservice.md"
    status, text = served.get(PAGE)
    assert status == 200 and TEXT in text
    guide.write_text(guide.read_text(encoding="utf-8").replace(TEXT, EDITED), encoding="utf-8")
    served_page(served, lambda status, text: status == 200 and EDITED in text)

    good = guide.read_text(encoding="utf-8")
    guide.write_text(good.replace("summary: ", "summary: [", 1), encoding="utf-8")
    status, text = served_page(served, lambda status, text: "ligetil-build-error" in text)
    assert status == 500
    assert "content/madservice.md:4: front matter is not valid YAML" in text
    assert EDITED not in text  # the error, not the stale page
    until(lambda: any(line.startswith("content/madservice.md:4: front matter is not valid YAML")
                      for line in served.err), "the terminal did not print the error", served)

    guide.write_text(good, encoding="utf-8")
    served_page(served, lambda status, text: status == 200 and EDITED in text)
    assert served.stop() == 0
    assert served.out[-1] == "Stopped.\n"
    assert "Traceback" not in "".join(served.err)


def test_the_reload_script_is_only_served_and_the_policy_allows_it_alone(served, project):
    status, text = served.get(PAGE)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text).group(1)
    assert re.fullmatch(r"script-src 'sha256-[A-Za-z0-9+/]+=*'; object-src 'none'; base-uri 'none'; "
                        r"form-action 'none'", policy)
    assert text.count("<script") == 1 and "/__ligetil/version" in text
    on_disk = (project / "output" / PAGE).read_text(encoding="utf-8")
    assert "<script" not in on_disk and "script-src 'none'" in on_disk
    assert served.get("__ligetil/version") == (200, "1")
    assert served.get("static/site.css")[0] == 200


def test_an_open_page_reloads_itself_after_a_rebuild_and_shows_the_error(served, project, browser):
    page = browser.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    page.goto(served.url + PAGE)
    guide = project / "content" / "madservice.md"
    good = guide.read_text(encoding="utf-8")
    guide.write_text(good.replace(TEXT, EDITED), encoding="utf-8")
    page.get_by_text(EDITED).wait_for(timeout=WAIT * 1000)  # no eval: the page's policy forbids it
    guide.write_text(good.replace("summary: ", "summary: [", 1), encoding="utf-8")
    page.wait_for_selector(".ligetil-build-error", timeout=WAIT * 1000)
    guide.write_text(good, encoding="utf-8")
    page.get_by_text(TEXT).wait_for(timeout=WAIT * 1000)
    page.close()
    assert refused == []
    assert served.stop() == 0


def test_a_taken_port_is_named_with_the_way_out_and_nothing_is_built(project, ligetil):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = ligetil(project, "serve", "--port", str(port))
    assert result.code == 1
    assert result.err.strip() == (f"127.0.0.1:{port} is already in use (another ligetil serve?); "
                                  f"choose another port with --port {port + 1}")
    assert not (project / "output").exists()


def test_help_says_what_is_watched_where_it_serves_and_how_to_stop(ligetil):
    result = ligetil(None, "serve", "--help")
    text = " ".join(result.out.split())
    assert result.code == 0
    for words in ("content/, translations/ and ligetil.toml", "http://127.0.0.1:PORT/", "Ctrl-C",
                  "--port", "--open", "--lang", "--guide", "--preview"):
        assert words in text, words
