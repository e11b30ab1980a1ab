"""Prints the HTML reports of reports/ to A4 PDF files beside them, with the system's Chromium.

    python scripts/print_pdf.py [FOLDER]

Optional: needs Chromium (Debian: `apt-get install chromium`). The reports' print stylesheet
sets A4 pages and keeps tables within the page width.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from screenshot import FLAGS, ROOT, find_browser


def main() -> None:
    """Command line entry point."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "reports"
    pages = sorted(p for p in folder.rglob("*.html") if p.name != "index.html")
    if not pages:
        sys.exit(f"no reports in {folder}; run `make reports` first")
    browser = find_browser()
    for page in pages:
        pdf = page.with_suffix(".pdf")
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
                            f"--print-to-pdf={pdf}", page.as_uri()],
                           check=True, capture_output=True, timeout=120)  # fmt: skip
        print(f"wrote {pdf}")


if __name__ == "__main__":
    main()
