"""The project's own sample guides and translations pass the quality gate without errors."""

from __future__ import annotations

from helpers import REPO

from pipeline.commands.check import run_checks
from pipeline.config import load_settings


def test_sample_guides_and_translations_have_no_errors() -> None:
    report = run_checks(load_settings(REPO))
    errors = [str(i) for i in report.issues if i.severity == "error"]
    assert errors == []
    assert report.guides == 6


def test_sample_guides_are_easy_to_read() -> None:
    report = run_checks(load_settings(REPO), lang="da")
    assert [str(i) for i in report.issues if i.code == "lix-high"] == []
    assert len([i for i in report.issues if i.code == "lix"]) == report.guides
