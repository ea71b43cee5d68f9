"""Screenshots of every built page: desktop (1280 px) and mobile (390 px),
light and dark mode, full page, under <build>/screenshots/.

Run by `make screenshots`; reuses the browser tests' Chromium session helper.
"""

from __future__ import annotations

import sys

import chrome


def main() -> int:
    reason = chrome.missing()
    if reason:
        print(f"make screenshots: {reason}", file=sys.stderr)
        return 1
    out = chrome.BUILD / "screenshots"
    pages = chrome.site_pages()
    browser = chrome.Browser()
    written = 0
    try:
        with chrome.serve(chrome.SITE) as base:
            for label, width, height in (("desktop", chrome.DESKTOP, 900), ("mobile", chrome.MOBILE, 844)):
                browser.viewport(width, height)
                for page in pages:
                    name = page.relative_to(chrome.SITE).with_suffix("").as_posix().replace("/", "-")
                    browser.viewport(width, height)
                    browser.load(base + page.relative_to(chrome.SITE).as_posix())
                    for mode in ("light", "dark"):
                        browser.viewport(width, height)
                        browser.set_mode(mode)
                        browser.screenshot(out / f"{name}-{label}-{mode}.png")
                        written += 1
    finally:
        browser.close()
    print(f"{written} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
