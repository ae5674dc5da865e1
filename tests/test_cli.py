"""The command line: init, help, usage errors."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import REPO


def test_init_makes_a_project_that_updates_and_reports_status(tmp_path, ligetil):
    target = tmp_path / "ny"
    result = ligetil(tmp_path, "init", str(target), "--name", "Testby")
    assert result.code == 0, result.err
    assert (target / "ligetil.toml").is_file() and (target / "content/borgerservice.md").is_file()
    assert ligetil(target, "update").code == 0
    rows = json.loads(ligetil(target, "status", "--json").out)
    assert {r["lang"] for r in rows} == {"en", "tr", "ar", "ur"}
    guides = [r for r in rows if r["guide"] != "_site"]
    assert len(guides) == 4 and all(r["guide"] == "borgerservice" and r["untranslated"] == r["entries"] > 5
                                    for r in guides)
    site = {r["lang"]: r for r in rows if r["guide"] == "_site"}
    assert sorted(site) == ["ar", "en", "tr", "ur"] and all(r["untranslated"] == 0 for r in site.values())


def test_init_refuses_to_overwrite_a_project(tmp_path, ligetil):
    assert ligetil(tmp_path, "init", str(tmp_path / "p")).code == 0
    again = ligetil(tmp_path, "init", str(tmp_path / "p"))
    assert again.code == 2 and "exists already" in again.err


def test_outside_a_project_the_error_says_how_to_start_one(tmp_path, ligetil):
    result = ligetil(tmp_path, "status")
    assert result.code == 2 and "no ligetil.toml" in result.err and "ligetil init" in result.err


def test_unknown_option_is_usage_error_exit_2(tmp_path, ligetil):
    assert ligetil(tmp_path, "update", "--no-such-option").code == 2


def test_help_lists_every_command_without_heavy_imports():
    code = ("import sys\nfrom pipeline.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n"
            "    pass\nprint(sorted(m for m in ('weasyprint', 'ctranslate2', 'sentencepiece') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    for command in ("init", "extract", "update", "status", "translate", "models", "check", "build"):
        assert f"  {command} " in done.stdout
    assert done.stdout.strip().endswith("[]")


def test_python_dash_m_pipeline_runs_the_same_cli():
    done = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0 and "ligetil" in done.stdout
