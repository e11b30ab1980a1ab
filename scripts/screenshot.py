"""Takes the README's picture of a report: the HTML export rendered by headless Chromium.

    python scripts/screenshot.py [--district sop-cop-son-la] [--out docs/report.png]

Needs Chromium (Debian: `apt-get install chromium`). Makes the report first if needed.
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


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--district", default="sop-cop-son-la")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--size", default="1100,1500", help="window width,height in pixels")
    args = parser.parse_args()
    browser = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        sys.exit("no Chromium found; install it (Debian: apt-get install chromium) and run again")
    report = ROOT / "reports" / "districts" / f"{args.district}.html"
    if not report.is_file():
        subprocess.run([sys.executable, "-m", "analysis", "reports", "--no-comparisons", "--districts", args.district],
                       check=True)  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={args.size}",
                f"--screenshot={args.out}",
                report.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
