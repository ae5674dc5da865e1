"""Every PDF of the sample build: tagged, right language and title, fonts embedded, PDF/UA-1."""

from __future__ import annotations

import subprocess

import page
import pikepdf

# WeasyPrint 70 alone gives a base+mark cluster's whole text to one glyph and an empty
# ToUnicode entry to the other ("<0244> <>" for ئ in "شيئًا"), and PDF/UA 7.21.7 fails;
# pipeline/render/pdf_glyphs.py maps such a glyph to its cluster (tests/render/test_pdf_text.py).


def test_every_built_pdf_is_accessible(built_site):
    pdfs = sorted(built_site.glob("*/*.pdf"))
    assert pdfs, f"no PDF in {built_site}"
    problems = []
    for path in pdfs:
        lang = path.parent.name
        with pikepdf.open(path) as pdf:
            if "/StructTreeRoot" not in pdf.Root or not bool(pdf.Root.MarkInfo.Marked):
                problems.append(f"{path.name} {lang}: not tagged")
            if str(pdf.Root.get("/Lang")) != lang:
                problems.append(f"{path.name} {lang}: /Lang {pdf.Root.get('/Lang')}")
            if not str(pdf.docinfo.get("/Title", "")).strip():
                problems.append(f"{path.name} {lang}: no title")
        fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                               text=True).stdout.splitlines()[2:]
        problems += [f"{path.name} {lang}: not embedded: {row}" for row in fonts
                     if row.split()[-5] != "yes"]
        report = page.validate_pdf(path, profile="ua1")
        problems += [f"{path.name} {lang}: {f.rule_id} {f.message}" for f in report.failures]
    assert not problems, "\n".join(problems)
