"""The README's pre-commit hook and CI recipe, run as written on a git copy of the sample project."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys

import polib
import pytest
from helpers import REPO, copy_sample, run_ligetil

from pipeline.catalog.pofile import format_catalog

README = (REPO / "README.md").read_text(encoding="utf-8")
PO = "translations/en/LC_MESSAGES/madservice.po"


def recipe(first_line: str) -> str:
    """Return the README's sh block that starts with ``first_line``."""
    blocks = [b for b in re.findall(r"```sh\n(.*?)```", README, re.S) if b.startswith(first_line)]
    assert len(blocks) == 1, f"README.md has {len(blocks)} sh blocks starting {first_line!r}"
    return blocks[0]


HOOK = recipe("#!/bin/sh\n# .git/hooks/pre-commit")
CI = recipe("# CI:")


@pytest.fixture
def repo(tmp_path):
    """A git repository of a small sample copy, committed, with a `ligetil` on PATH that runs this tree."""
    project = copy_sample(tmp_path / "sample", guides=("madservice",), languages=("en",))
    assert run_ligetil(project, "update").code == 0  # drops the templates of the guides left out
    shim = tmp_path / "bin" / "ligetil"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m pipeline "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(REPO),
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           **{f"GIT_{who}_{what}": value for who in ("AUTHOR", "COMMITTER")
              for what, value in (("NAME", "Test"), ("EMAIL", "test@example.dk"))}}
    git = lambda *args: subprocess.run(["git", *args], cwd=project, env=env, capture_output=True, text=True)  # noqa: E731
    assert git("init", "-q").returncode == 0
    assert git("add", "-A").returncode == 0 and git("commit", "-qm", "sample").returncode == 0
    return project, git, env


def install_hook(project) -> None:
    hook = project / ".git/hooks/pre-commit"
    hook.write_text(HOOK, encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)


def change_msgstr(project, pick, new) -> int:
    path = project / PO
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgid and pick(e))
    entry.msgstr = new(entry.msgstr)
    path.write_text(format_catalog(po), encoding="utf-8")  # as a PO editor that follows gettext saves
    return next(e.linenum for e in polib.pofile(str(path)) if e.msgid == entry.msgid)


def test_the_hook_lets_a_clean_commit_through(repo):
    project, git, _ = repo
    install_hook(project)
    (project / "content/madservice.md").write_text(
        (project / "content/madservice.md").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git("add", "-A")
    done = git("commit", "-qm", "a blank line")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_hook_refuses_a_commit_with_a_check_error(repo):
    project, git, _ = repo
    install_hook(project)
    line = change_msgstr(project, lambda e: "](https://" in e.msgstr,
                         lambda text: re.sub(r"\]\(https://[^)]*\)", "](https://example.invalid/)", text, count=1))
    git("add", "-A")
    done = git("commit", "-qm", "a broken link")
    assert done.returncode != 0
    assert f"{PO}:{line}: error url-changed:" in done.stdout + done.stderr
    assert git("log", "--oneline").stdout.count("\n") == 1  # nothing was committed


def test_the_hook_refuses_a_guide_change_whose_catalogs_were_not_updated(repo):
    project, git, _ = repo
    install_hook(project)
    guide = project / "content/madservice.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nEt nyt afsnit.\n", encoding="utf-8")
    git("add", "content/")
    done = git("commit", "-qm", "new text")
    assert done.returncode != 0 and "ligetil update changed translations/" in done.stderr


def run_ci(project, env) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "-c", CI], cwd=project, env=env, capture_output=True, text=True)


def real_addresses(project, git) -> None:
    settings = project / "ligetil.toml"
    text = settings.read_text(encoding="utf-8").replace("https://example.org/guides/", "https://guider.kk.dk/")
    settings.write_text(text.replace("https://example.org/tilgaengelighed/", "https://www.was.digst.dk/guider-kk-dk"),
                        encoding="utf-8")
    git("commit", "-qam", "real addresses")


def test_ci_passes_and_builds_the_site(repo):
    project, git, env = repo
    real_addresses(project, git)
    done = run_ci(project, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "output/en/madservice.html").is_file()


def test_ci_fails_on_a_warning_with_strict(repo):
    project, git, env = repo
    real_addresses(project, git)
    line = change_msgstr(project, lambda e: e.msgid == "Hvem kan få madservice?", lambda _: "Who gets meals at home?")
    git("commit", "-qam", "the glossary's 'meal service' is gone")
    done = run_ci(project, env)
    assert done.returncode == 1
    assert f"{PO}:{line}: warning glossary-term:" in done.stdout
    assert not (project / "output").exists()  # the build never ran
