"""Validate exported XLIFF against the OASIS schemas, which Ligetil cannot ship (no package carries them).

Usage: .venv/bin/python scripts/xliff_schemas.py SCHEMA_DIR [PROJECT]
SCHEMA_DIR holds xliff-core-2.0.xsd, xliff-core-1.2-strict.xsd and xml.xsd (from docs.oasis-open.org).
Exports every catalog of PROJECT (default: here) in both versions to a temporary folder and
prints, per version, how many files the schema accepts; exit 1 when one is refused.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from lxml import etree

SCHEMAS = {"2.1": "xliff-core-2.0.xsd", "1.2": "xliff-core-1.2-strict.xsd"}


def main() -> int:
    """Export, validate and report; return the exit code."""
    schemas, project = Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else ".")
    refused = 0
    with tempfile.TemporaryDirectory() as folder:
        for version, schema in SCHEMAS.items():
            out = Path(folder) / version
            subprocess.run([sys.executable, "-m", "pipeline", "-C", str(project), "export", "--format", "xliff",
                            "--version", version, "-o", str(out)], check=True)
            validator = etree.XMLSchema(etree.parse(str(schemas / schema)))
            files = sorted(out.rglob("*.xlf"))
            bad = [path for path in files if not validator.validate(etree.parse(str(path)))]
            for path in bad:
                print(f"{path.relative_to(out)}: {validator.error_log.last_error}")
            print(f"XLIFF {version}: {len(files) - len(bad)} of {len(files)} files valid against {schema}")
            refused += len(bad) + (not files)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
