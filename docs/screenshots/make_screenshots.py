"""Take the README screenshots: main dashboard pages over the demo database, and the demo briefing.

    python docs/screenshots/make_screenshots.py [--db demo.db]

Without --db it runs `linewatch demo` into a temporary database first. It
starts `linewatch serve` on a free port, photographs each page with headless
chromium (Playwright), writes the demo briefing as PDF and renders its first
pages to PNG with pdftoppm (poppler-utils).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests"))

from test_web_browser import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server  # noqa: E402

PAGES = [
    ("overview", "/?since=2021-11-01", None),
    ("timeline", "/timeline?country=RUS", None),
    ("statements", "/statements?q=%D0%B3%D1%80%D0%B0%D0%BD%D0%B8%D1%86%D0%B0", None),  # q=граница: finds на границе
    ("documents", "/documents?q=Lukashenko", None),  # any registry spelling: Лукашенко, Łukaszenka
    ("shifts", "/shifts", None),
    ("statement", None, "statement"),  # the first statement by Sergei Lavrov, highlighted in its document
    ("actor", "/actor/sergei-lavrov", None),
    ("stance-matrix", "/stance", None),
    ("narratives", "/narratives", None),
    ("network", "/network", None),
    ("scenarios", "/scenarios", None),
    ("phone-statement", None, "phone"),  # the same statement at phone width (390 px)
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="a demo database (default: build one with `linewatch demo`)")
    ap.add_argument("--from", dest="date_from", default="2021-11-01")
    ap.add_argument("--to", dest="date_to", default="2021-11-30")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="lw-shots-"))
    db = args.db
    if not db:
        db = str(tmp / "demo.db")
        subprocess.run([sys.executable, "-m", "linewatch", "demo", "--db", db], check=True, cwd=tmp)
    proc, base = start_server(db, cwd=tmp)
    try:
        import httpx
        from playwright.sync_api import sync_playwright

        first = httpx.get(f"{base}/api/statements", params={"actor": "Sergei Lavrov", "limit": 1}).json()["items"]
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900}, device_scale_factor=1)
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
            for name, path, special in PAGES:
                if special in ("statement", "phone"):
                    if not first:
                        continue
                    path = f"/statement/{first[0]['id']}"
                tab = phone if special == "phone" else page
                tab.goto(base + path)
                tab.wait_for_load_state("networkidle")
                tab.wait_for_timeout(400)  # let charts finish their first layout
                tab.screenshot(path=str(HERE / f"{name}.png"), full_page=special == "statement")
                print("wrote", HERE / f"{name}.png")
            browser.close()
    finally:
        stop_server(proc)
    pdf = HERE / "briefing.pdf"
    subprocess.run([sys.executable, "-m", "linewatch", "brief", "--db", db, "--from", args.date_from, "--to", args.date_to,
                    "--format", "pdf", "--output", str(pdf)], check=True)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf), str(HERE / "briefing")], check=True)
        print("wrote", sorted(p.name for p in HERE.glob("briefing*.png")))
    pdf.unlink()  # the PNGs are what the README shows; the PDF is regenerated on demand
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
