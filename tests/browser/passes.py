"""One browser pass per page per viewport (issue 22): each built page is
loaded once at 1280 px from disk and once at 390 px over HTTP, and every
check that only reads the page is made during that visit. The results are
kept (tests/browser/conftest.py: the session fixtures `desktop_pass` and
`phone_pass`); the tests then assert on them, page by page, so a failure
still names the page and the check.

At 1280 px, from disk (file://), in this order, on the page as loaded:
requests, failed requests and console errors; HTML_CodeSniffer's WCAG 2 AA
errors (what pa11y runs, on the same file:// page it read); the status
board's rows (the front page); axe-core, every rule, in light mode; then
axe's colour rules again in dark mode.

At 390 px (844 px high), over HTTP: requests, failures and console errors;
sideways scrolling (the page, and any region that scrolls but cannot take
focus); the front page's title size and where its first section starts;
the status board's rows; axe-core, every rule, in light mode; then, scrolling
to each figure as a reader does (images load lazily): each figure's images,
CSV links and smallest text as shown; the focusable regions figures scroll
in; and last (it changes the page's layout), the tables' widths.

Checks that change the page beyond that (the phone menus, back-to-top, the
search, the axe control) load their page themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import chrome
import yaml

# The rules (on by default) whose outcome depends on colours (axe tag cat.color).
DARK_RULES = ["color-contrast", "link-in-text-block"]

NPM = chrome.NPM
# HTML_CodeSniffer as pa11y runs it: its htmlcs runner injects this file and
# calls HTMLCS.process("WCAG2AA", document) (pa11y/lib/runners/htmlcs.js).
# Run here in the pass's own page rather than in a second browser: pa11y would
# load every page once more. The file is pa11y's own dependency (.ci/run).
HTMLCS_JS = NPM / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"

STATUS_BOARD = """
const board = document.querySelector('.status-board table');
if (!board) return null;
return {
  caption: (board.querySelector('caption') || {}).textContent || '',
  rows: Array.from(board.querySelectorAll('tbody tr')).map(row => ({
    cells: Array.from(row.cells).map(c => c.textContent.trim()),
    links: Array.from(row.querySelectorAll('a[href]')).map(a => a.getAttribute('href')),
    bottom: row.getBoundingClientRect().bottom,
  })),
  innerHeight: window.innerHeight,
  scrollY: window.scrollY,
};
"""

# What scrolls sideways inside the page (a wide table in its wrapper) must be
# reachable by keyboard (reassurance.publish.table).
UNFOCUSABLE_SCROLLERS = """
return Array.from(document.querySelectorAll('main *'))
  .filter(e => e.scrollWidth > e.clientWidth + 1
            && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
            && e.tabIndex < 0 && !e.querySelector('a[href], button, [tabindex]'))
  .map(e => e.tagName.toLowerCase() + '.' + Array.from(e.classList).join('.'));
"""

FRONT = """
const h1 = document.querySelector('main .bd-article h1');
// The first section: the status board where the page has one, else the first heading.
const first = document.querySelector('main .bd-article .status-board') || document.querySelector('main .bd-article h2');
if (!h1 || !first) return null;
return [parseFloat(getComputedStyle(h1).fontSize), first.getBoundingClientRect().top, window.innerHeight];
"""

# Every figure, scrolled to as a reader does (10 s at most each, figures below
# the first screen load lazily): its images (loaded?), its CSV links, and for
# an SVG the smallest font in its own units with the width it is shown at.
FIGURES = """
const done = arguments[arguments.length - 1];
(async () => {
  const figures = [];
  for (const f of document.querySelectorAll('main figure')) {
    const images = [];
    for (const img of f.querySelectorAll('img')) {
      img.scrollIntoView({block: 'center'});
      if (!img.complete) {
        await new Promise(resolve => {
          img.addEventListener('load', resolve, {once: true});
          img.addEventListener('error', resolve, {once: true});
          setTimeout(resolve, 10000);
        });
      }
      const src = img.currentSrc || img.src;
      const image = {src, loaded: img.complete && img.naturalWidth > 0, shown: img.getBoundingClientRect().width,
                     natural: img.naturalWidth, view_width: null, smallest: null};
      if (/\\.svg($|\\?)/.test(src)) {
        const text = await (await fetch(src)).text();
        const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
        image.view_width = parseFloat((svg.getAttribute('viewBox') || '').split(/\\s+/)[2]);
        const sizes = Array.from(text.matchAll(/font(?:-size)?:\\s*(?:[a-z-]+\\s+)*(?:\\d00\\s+)?([\\d.]+)px/g), m => parseFloat(m[1]));
        image.smallest = sizes.length ? Math.min(...sizes) : null;
      }
      images.push(image);
    }
    figures.push({id: f.id, images,
                  csv: Array.from(f.querySelectorAll('a[href]'), a => a.href).filter(h => /\\.csv$/.test(h))});
  }
  window.scrollTo(0, 0);
  return figures;
})().then(done, e => done({error: String(e)}));
"""

# After FIGURES, which waited for every image: the drawing each region shows
# (a phone's <picture> source where there is one), its role, focus and name,
# its scrolling and the column's widths, and whether the page fits.
FIGURE_REGIONS = """
return Array.from(document.querySelectorAll('main figure .figure-scroll'), r => {
  const img = r.querySelector('img');
  return [(img.currentSrc || img.src).split('/').pop(), r.getAttribute('role'), r.tabIndex,
          r.getAttribute('aria-label') || '', r.scrollWidth, r.clientWidth,
          document.documentElement.scrollWidth <= document.documentElement.clientWidth];
});
"""

# Last: showing every table wrapper's content changes the page's layout.
WIDE_TABLES = """
const screen = document.documentElement.clientWidth;
return Array.from(document.querySelectorAll('main table'), t => {
  t.closest('.table-wrapper')?.style.setProperty('content-visibility', 'visible');
  const r = t.getBoundingClientRect();
  return [t.id || (t.querySelector('caption')?.textContent || '').slice(0, 60), Math.round(r.width), Math.round(r.right)];
}).filter(([, width, right]) => width > screen || right > screen + 1);
"""

HTMLCS_RUN = """
const done = arguments[arguments.length - 1];
const selector = (e) => {
  const parts = [];
  for (; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentNode) {
    if (e.id) { parts.unshift('#' + CSS.escape(e.id)); break; }
    const same = Array.from(e.parentNode.children).filter(s => s.tagName === e.tagName);
    parts.unshift(e.tagName.toLowerCase() + (same.length > 1 ? `:nth-child(${Array.from(e.parentNode.children).indexOf(e) + 1})` : ''));
  }
  return parts.join(' > ');
};
try {
  HTMLCS.process('WCAG2AA', window.document, (error) => {
    if (error) { done({error: String(error)}); return; }
    // Type 1 is an error (2 a warning, 3 a notice), as pa11y maps them.
    done(HTMLCS.getMessages().filter(m => m.type === 1).map(m => ({
      code: m.code, message: m.msg, selector: m.element && m.element.nodeType === 1 ? selector(m.element) : ''})));
  });
} catch (e) { done({error: String(e)}); }
"""


@dataclass
class Visit:
    """What one visit of one page found."""

    name: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    axe: dict[str, list[dict]] = field(default_factory=dict)  # mode -> violations
    theme: dict[str, str] = field(default_factory=dict)  # mode asked -> mode the page shows
    htmlcs: list[dict] = field(default_factory=list)
    board: dict | None = None
    overflow: tuple[int, int] = (0, 0)
    unfocusable: list[str] = field(default_factory=list)
    front: list | None = None
    figures: list[dict] = field(default_factory=list)
    figure_regions: list = field(default_factory=list)
    wide_tables: list = field(default_factory=list)


def page_names() -> list[str]:
    return [p.relative_to(chrome.SITE).as_posix() for p in chrome.site_pages()]


def root_page() -> str:
    """The front page (the table of contents' root)."""
    toc = yaml.safe_load((chrome.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return f"{toc['root']}.html"


def reader_pages() -> list[str]:
    """The front page and the numbered chapters (the appendix may scroll)."""
    toc = yaml.safe_load((chrome.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [root_page()]
    for part in toc["parts"]:
        if part.get("numbered"):
            pages += [f"{c['file']}.html" for c in part["chapters"]]
    return pages


def _htmlcs(browser) -> list[dict]:
    if not browser.driver.execute_script("return typeof window.HTMLCS === 'object'"):
        browser.driver.execute_script(HTMLCS_JS.read_text(encoding="utf-8"))
    found = browser.driver.execute_async_script(HTMLCS_RUN)
    if isinstance(found, dict):
        raise RuntimeError(f"HTML_CodeSniffer failed: {found['error']}")
    return found


def _axe_in(browser, visit: Visit, mode: str, only: list[str] | None) -> None:
    browser.set_mode(mode)
    visit.theme[mode] = browser.driver.execute_script("return document.documentElement.dataset.theme")
    if chrome.AXE_JS.is_file():  # else the axe tests skip, or fail under CI (conftest.axe_ready)
        visit.axe[mode] = browser.axe(only)


def desktop(browser, htmlcs: bool) -> dict[str, Visit]:
    """Every page at 1280 x 800 from disk: see the module's docstring."""
    base = chrome.SITE.resolve().as_uri() + "/"
    visits = {}
    browser.viewport(chrome.DESKTOP, 800)
    try:
        for name in page_names():
            visit = visits[name] = Visit(name)
            browser.load(base + name)
            visit.requests, visit.failures, visit.errors = browser.observe()
            if htmlcs:
                visit.htmlcs = _htmlcs(browser)
            visit.board = browser.driver.execute_script(STATUS_BOARD)
            # Every rule in light mode; dark mode changes only colours, so
            # there axe checks colour contrast (text, links) again.
            _axe_in(browser, visit, "light", None)
            _axe_in(browser, visit, "dark", DARK_RULES)
    finally:
        browser.viewport(chrome.DESKTOP)
    return visits


def phone(browser, base: str) -> dict[str, Visit]:
    """Every page at 390 x 844 over HTTP: see the module's docstring."""
    visits = {}
    browser.viewport(chrome.MOBILE, 844)
    try:
        for name in page_names():
            visit = visits[name] = Visit(name)
            browser.load(base + name)
            visit.requests, visit.failures, visit.errors = browser.observe()
            visit.overflow = browser.scroll_overflow()
            visit.unfocusable = browser.driver.execute_script(UNFOCUSABLE_SCROLLERS)
            visit.front = browser.driver.execute_script(FRONT)
            visit.board = browser.driver.execute_script(STATUS_BOARD)
            _axe_in(browser, visit, "light", None)
            figures = browser.driver.execute_async_script(FIGURES)
            if isinstance(figures, dict):
                raise RuntimeError(f"{name}: reading the figures failed: {figures['error']}")
            visit.figures = figures
            visit.figure_regions = browser.driver.execute_script(FIGURE_REGIONS)
            visit.wide_tables = browser.driver.execute_script(WIDE_TABLES)
    finally:
        browser.viewport(chrome.DESKTOP)
    return visits


def load_problems(visits: dict[str, Visit], base: str) -> list[str]:
    problems = []
    for name, visit in visits.items():
        if not visit.requests:
            problems.append(f"{name}: no request was seen (is the performance log on?)")
        problems += [f"{name}: request outside the site: {url}" for url in visit.requests if chrome.outside(url, base)]
        problems += [f"{name}: failed request: {failure}" for failure in visit.failures]
        problems += [f"{name}: console {error}" for error in visit.errors]
    return problems

