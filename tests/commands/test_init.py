"""`ligetil init`: a .gitignore that keeps ligetil's own files out of git, an empty glossary, no overwrites."""

from __future__ import annotations

import subprocess

from pipeline.catalog.glossary import read_glossary
from pipeline.fsutil import TEMP_PREFIX
from pipeline.lock import LOCK_NAME


def git(folder, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True).stdout


def test_git_sees_the_project_but_not_what_ligetil_writes(tmp_path, ligetil):
    target = tmp_path / "ny"
    assert ligetil(tmp_path, "init", str(target)).code == 0
    assert ligetil(target, "update").code == 0
    (target / "output/tr").mkdir(parents=True)
    (target / "output/tr/borgerservice.html").write_text("<html></html>", encoding="utf-8")
    (target / LOCK_NAME).write_text("", encoding="utf-8")
    (target / "translations" / f"{TEMP_PREFIX}abc.po").write_text("", encoding="utf-8")  # a killed run's
    git(target, "init", "-q")
    seen = sorted(git(target, "ls-files", "--others", "--exclude-standard").split())
    assert seen == sorted([".gitignore", "ligetil.toml", "content/borgerservice.md", "translations/glossary.csv",
                           "translations/borgerservice.pot", "translations/_site.pot",
                           *(f"translations/{lang}/LC_MESSAGES/{domain}.po"
                             for lang in ("en", "tr", "ar", "ur") for domain in ("borgerservice", "_site"))])


def test_the_glossary_is_empty_with_the_projects_languages(tmp_path, ligetil):
    target = tmp_path / "ny"
    assert ligetil(tmp_path, "init", str(target)).code == 0
    path = target / "translations/glossary.csv"
    assert path.read_text(encoding="utf-8") == "da,en,tr,ar,ur,note\n"
    glossary = read_glossary(path, "translations/glossary.csv", "da")
    assert glossary.languages == ("en", "tr", "ar", "ur") and glossary.terms == ()


def test_init_keeps_every_file_that_is_already_there(tmp_path, ligetil):
    target = tmp_path / "repo"
    (target / "content").mkdir(parents=True)
    (target / ".gitignore").write_text("node_modules/\n", encoding="utf-8")
    (target / "content/borgerservice.md").write_text("# Min egen\n", encoding="utf-8")
    result = ligetil(tmp_path, "init", str(target))
    assert result.code == 0
    assert (target / ".gitignore").read_text(encoding="utf-8") == "node_modules/\n"
    assert (target / "content/borgerservice.md").read_text(encoding="utf-8") == "# Min egen\n"
    assert f"kept {target / '.gitignore'} as it was; it should also ignore: /output/, /{LOCK_NAME}" in result.out
    assert (target / "ligetil.toml").is_file() and (target / "translations/glossary.csv").is_file()
