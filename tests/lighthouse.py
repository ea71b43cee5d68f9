"""`make lighthouse`: each page's weight and its Lighthouse scores, and the PDF's length.

For every page of the built site (`make lighthouse` builds it with `make
site`): the bytes it transfers, counted from the files (tests/page_weight.py,
the count that tests/build/test_published_site.py asserts), and Lighthouse 12.2.3's
mobile scores (its defaults: a mid-range phone on a slow 4G connection,
simulated) for performance, accessibility, best practices and SEO, over the
site served on 127.0.0.1 by Debian's Chromium (no download). Targets are
printed, not asserted: at most 250 KiB (gzip), performance at least 90, the others
100. The machine may be shared: performance varies with its load, which is
printed with each page; `make lighthouse RUNS=3 PAGES="book/russia.html"`
measures only the pages named, each RUNS times, and prints the median
scores (the performance score of each run in brackets).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "browser"))

import chrome  # noqa: E402
from page_weight import BUDGET, page_weight, site_pages  # noqa: E402

LIGHTHOUSE = chrome.ROOT / "_build" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse(url: str) -> dict:
    done = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
        capture_output=True, text=True, timeout=300, env=os.environ | {"CHROME_PATH": chrome.CHROMIUM},
    )
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed for {url}:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    failing = [
        f"{audit_id}" for c in CATEGORIES if scores[c] < TARGETS[c]
        for ref in report["categories"][c]["auditRefs"] if ref.get("weight")
        for audit_id in [ref["id"]] if (report["audits"][audit_id].get("score") not in (None, 1))
    ]
    return {"scores": scores, "failing": failing,
            "bytes": report["audits"].get("total-byte-weight", {}).get("numericValue")}


def pdf_pages(pdf: Path) -> str:
    if not pdf.is_file():
        return "no PDF in the site (make site prints it)"
    if not shutil.which("pdfinfo"):
        return "pdfinfo is missing (poppler-utils)"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = re.search(r"^Pages:\s+(\d+)", info, flags=re.MULTILINE).group(1)
    size = re.search(r"^Page size:\s+(.+)$", info, flags=re.MULTILINE).group(1)
    return f"{pages} pages ({size}), {pdf.stat().st_size / 1024 / 1024:.1f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages to measure, relative to the site (default: all)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median is printed")
    args = parser.parse_args()
    site = chrome.SITE
    pages = site_pages(site)
    if not pages:
        sys.exit(f"no page in {site}: run make site first")
    if args.pages:
        unknown = sorted(set(args.pages) - {p.relative_to(site).as_posix() for p in pages})
        if unknown:
            sys.exit(f"no such page in {site}: {', '.join(unknown)}")
        pages = [p for p in pages if p.relative_to(site).as_posix() in args.pages]
    reason = chrome.missing()
    if reason or not LIGHTHOUSE.is_file() or not shutil.which("node"):
        sys.exit(reason or f"Lighthouse is not installed at {LIGHTHOUSE} (make lighthouse installs it)")
    print(f"{len(pages)} pages in {site}, {args.runs} run(s) each; load average {os.getloadavg()[0]:.1f}", flush=True)
    header = f"{'page':<32} {'KiB':>5}  {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4}  {'load':>4}  verdict"
    print(header)
    print("-" * len(header))
    misses = 0
    with chrome.serve(site) as base:
        for page in pages:
            name = page.relative_to(site).as_posix()
            kib = page_weight(page).total / 1024
            load = os.getloadavg()[0]
            results = [lighthouse(base + name) for _ in range(args.runs)]
            s = {c: round(statistics.median(r["scores"][c] for r in results)) for c in CATEGORIES}
            result = min(results, key=lambda r: abs(r["scores"]["performance"] - s["performance"]))
            ok = kib * 1024 <= BUDGET and all(s[c] >= TARGETS[c] for c in CATEGORIES)
            misses += not ok
            note = "meets targets" if ok else "MISSES: " + ", ".join(result["failing"] or ["weight"])
            if args.runs > 1:
                note += f" (performance {[r['scores']['performance'] for r in results]})"
            print(f"{name:<32} {kib:5.0f}  {s['performance']:4d} {s['accessibility']:4d} "
                  f"{s['best-practices']:4d} {s['seo']:4d}  {load:4.1f}  {note}", flush=True)
    print(f"targets: at most {BUDGET // 1024} KiB, performance >= 90, accessibility, best practices and SEO 100; "
          f"{len(pages) - misses} of {len(pages)} pages meet them")
    print(f"PDF: {pdf_pages(site / 'reassurance.pdf')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
