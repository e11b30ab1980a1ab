"""Takes the README's pictures: a report and the index, in Vietnamese and English.

    python scripts/screenshot.py [--district sop-cop-son-la]

Needs Chromium (Debian: `apt-get install chromium`). Makes (or brings up to date) the reports
in both languages first: `python -m analysis reports --lang vi,en`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def find_browser() -> str:
    """The system's Chromium, or exit with a message saying how to install it."""
    browser = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        sys.exit("no Chromium found; install it (Debian: apt-get install chromium) and run again")
    return browser


def shoot(browser: str, page: Path, out: Path, size: str) -> None:
    """Saves a PNG of `page` as Chromium shows it in a window of `size` ("width,height")."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}",
                        f"--screenshot={out}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)  # fmt: skip
    print(f"wrote {out}")


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--district", default="sop-cop-son-la")
    args = parser.parse_args()
    browser = find_browser()
    subprocess.run([sys.executable, "-m", "analysis", "reports", "--lang", "vi,en", "--no-progress"],
                   check=True)  # fmt: skip
    reports, docs = ROOT / "reports", ROOT / "docs"
    report = Path("districts") / f"{args.district}.html"
    shoot(browser, reports / report, docs / "report.png", "1200,1500")
    shoot(browser, reports / "en" / report, docs / "report-en.png", "1200,1500")
    shoot(browser, reports / "index.html", docs / "index-vi.png", "1200,1100")
    shoot(browser, reports / "en" / "index.html", docs / "index-en.png", "1200,1100")


if __name__ == "__main__":
    main()
