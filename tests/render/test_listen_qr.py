"""Every printed guide carries a second QR code to its audio where the build makes one, read by zbar."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import copy_project, run_build, sample_languages
from pdf_referees import normalized

from pipeline.render.ui import translations_for

BASE_URL = "https://example.org/guides/"  # the sample's ligetil.toml
PRINTED = (".pdf", ".flyer.pdf", ".large.pdf", ".bilingual.pdf")


def scanned(pdf: Path, work: Path) -> list[str]:
    """Return the addresses zbarimg reads in the QR codes of a PDF's first page."""
    picture = work / pdf.name
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf), str(picture)],
                   check=True)
    found = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f"{picture}.png"],
                           capture_output=True, text=True)
    assert found.returncode in (0, 4), found.stderr  # 4: no code found
    return sorted(found.stdout.split())


@pytest.mark.parametrize("lang", ["da", *sample_languages()])
def test_each_printed_guide_scans_to_its_page_and_its_audio(built_site, lang, tmp_path):
    listened = (built_site / lang / "madservice.mp3").is_file()
    printed = [built_site / lang / f"madservice{suffix}" for suffix in PRINTED
               if (built_site / lang / f"madservice{suffix}").is_file()]
    assert len(printed) == (3 if lang == "da" else 4), printed  # no bilingual in the source language
    page, audio = f"{BASE_URL}{lang}/madservice.html", f"{BASE_URL}{lang}/madservice.mp3"
    for pdf in printed:
        assert scanned(pdf, tmp_path) == sorted([page, audio] if listened else [page]), pdf
    if listened:  # the caption says what the second code opens
        text = subprocess.run(["pdftotext", str(printed[0]), "-"], capture_output=True, text=True, check=True).stdout
        assert normalized(translations_for(lang).gettext("Scan to listen")) in normalized(text)


def test_the_flyers_follow_whether_the_build_makes_the_audio(tmp_path):
    project = copy_project(tmp_path / "project")
    flyer = project / "output/en/madservice.flyer.pdf"
    run_build(project, "--lang", "en", "--guide", "madservice", "--format", "flyer")
    assert scanned(flyer, tmp_path) == [f"{BASE_URL}en/madservice.html"]
    run_build(project, "--lang", "en", "--guide", "madservice", "--format", "flyer,audio")
    assert scanned(flyer, tmp_path) == sorted([f"{BASE_URL}en/madservice.html", f"{BASE_URL}en/madservice.mp3"])
