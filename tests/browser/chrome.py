"""Headless Debian Chromium, driven by Selenium, over the built book.

Shared by the browser tests (tests/browser) and `make screenshots`. Nothing
here downloads anything: Selenium gets the driver's and the browser's paths,
so Selenium Manager has nothing to look up, and Chromium runs with its
background networking, updates and sync switched off.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import socketserver
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urldefrag, urlparse

ROOT = Path(__file__).resolve().parents[2]
# The Makefile exports where it built the book; _build otherwise.
BUILD = Path(os.environ.get("REASSURANCE_BUILD") or ROOT / "_build")
SITE = BUILD / "html"

# Belt and braces: Selenium Manager, were it ever reached, must not download.
os.environ.setdefault("SE_OFFLINE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# axe-core comes from the npm registry (.ci/run installs a pinned version here).
NPM = Path(os.environ.get("REASSURANCE_NPM") or ROOT / "_build" / "npm")
AXE_JS = Path(os.environ.get("AXE_CORE_JS") or NPM / "node_modules" / "axe-core" / "axe.min.js")
# `make benchmark` counts the suite's page loads: each load appends its
# address to the file this variable names.
LOAD_LOG = os.environ.get("REASSURANCE_PAGE_LOAD_LOG")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    "--lang=en-GB",
]

DESKTOP = 1280
MOBILE = 390


UNDER_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> None:
    """Skip with `reason` on a workstation; fail under CI (CI=true), where it must run."""
    import pytest

    if UNDER_CI:
        pytest.fail(f"CI=true but the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    for path, what in ((CHROMIUM, "Chromium"), (CHROMEDRIVER, "ChromeDriver")):
        if not os.access(path, os.X_OK):
            return f"{what} is not installed at {path} (apt-get install -y chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (it is in the test extras of requirements.lock)"
    return None


def site_pages(site: Path = SITE) -> list[Path]:
    """Every built page, the search page and the general index included."""
    return sorted(p for p in site.rglob("*.html") if not {"_static", "_sources", "_images"} & set(p.parts))


class Browser:
    """One Chromium session, reused across pages (starting one costs ~1 s)."""

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="reassurance-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}")
        options.add_argument(f"--window-size={DESKTOP},900")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        service = Service(CHROMEDRIVER, log_output=os.devnull)
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(60)
        self.width = DESKTOP
        self._axe: str | None = None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)

    # -- viewport and colour mode ------------------------------------------
    def viewport(self, width: int, height: int = 900) -> None:
        """Emulate a viewport `width` CSS pixels wide (mobile below 600)."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
        )
        self.width = width

    def set_mode(self, mode: str) -> None:
        """Switch the theme to `light` or `dark`, as its own button does."""
        self.driver.execute_script(
            """
            const mode = arguments[0];
            // Colours must be final when axe reads them: no transitions.
            if (!document.getElementById('test-no-transitions')) {
              const style = document.createElement('style');
              style.id = 'test-no-transitions';
              style.textContent = '*, *::before, *::after { transition: none !important; }';
              document.head.appendChild(style);
            }
            localStorage.setItem('mode', mode);
            localStorage.setItem('theme', mode);
            document.documentElement.dataset.mode = mode;
            document.documentElement.dataset.theme = mode;
            """,
            mode,
        )
        self.next_frames()

    def next_frames(self) -> None:
        """Wait until the browser has drawn two frames: what a script changed is laid out and painted."""
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "requestAnimationFrame(() => requestAnimationFrame(() => done()));"
        )

    # -- loading and observing ---------------------------------------------
    def load(self, url: str) -> None:
        if LOAD_LOG:
            with open(LOAD_LOG, "a", encoding="utf-8") as log:
                log.write(url + "\n")
        # What the last page logged is drained first, so that each load's
        # requests and console errors are its own. A blank page between two
        # loads is needed only for the same document again (a navigation to
        # it could keep the page): elsewhere it would cost each load the
        # preloaded scripts once more (preload).
        if urldefrag(self.driver.current_url).url == urldefrag(url).url:
            self.driver.get("about:blank")
        self.drain()
        self.driver.get(url)
        self.settle()

    def settle(self, timeout: float = 10) -> None:
        """Wait until the page is loaded and its fonts are ready."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.driver.execute_script("return document.readyState") == "complete":
                break
            time.sleep(0.05)
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "(document.fonts ? document.fonts.ready : Promise.resolve()).then(() => done());"
        )
        self.next_frames()

    def drain(self) -> None:
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def observe(self) -> tuple[list[str], list[str], list[str]]:
        """(requested URLs, failed requests, console errors) since the last load."""
        requests, failures = [], []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message.get("method"), message.get("params", {})
            if method == "Network.requestWillBeSent":
                requests.append(params["request"]["url"])
            elif method == "Network.loadingFailed" and not params.get("canceled"):
                failures.append(f"{params.get('errorText')} ({params.get('type')}, request {params.get('requestId')})")
            elif method == "Network.responseReceived":
                response = params["response"]
                status = response.get("status") or 0
                if status >= 400:
                    failures.append(f"HTTP {status} for {response.get('url')}")
        errors = [
            f"{entry['level']}: {entry['message']}"
            for entry in self.driver.get_log("browser")
            if entry["level"] in ("SEVERE", "ERROR")
        ]
        return requests, failures, errors

    # -- accessibility ---------------------------------------------------------
    def preload(self, *scripts: Path) -> None:
        """Evaluate these scripts (axe-core, HTML_CodeSniffer) in every page
        the session opens, before the page's own: Chromium gets each once,
        instead of 0.6 MB through WebDriver on every page (0.1-0.2 s a page).
        They only define their globals; `axe` still injects axe-core where it is missing."""
        for script in scripts:
            self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": script.read_text(encoding="utf-8")})

    def axe(self, only: list[str] | None = None) -> list[dict]:
        """axe-core's violations on the current page: every rule axe runs by
        default, or only the rules listed in `only` (e.g. a second colour mode
        changes nothing but colours)."""
        if self._axe is None:
            self._axe = AXE_JS.read_text(encoding="utf-8")
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self._axe)
        options = {"resultTypes": ["violations"]}
        if only:
            options["runOnly"] = {"type": "rule", "values": only}
        result = self.driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, arguments[0])
              .then(r => done(JSON.stringify(r.violations)))
              .catch(e => done(JSON.stringify({error: String(e)})));
            """,
            options,
        )
        violations = json.loads(result)
        if isinstance(violations, dict):
            raise RuntimeError(f"axe-core failed: {violations['error']}")
        return violations

    def scroll_overflow(self) -> tuple[int, int]:
        return tuple(
            self.driver.execute_script(
                "const e = document.documentElement; return [e.scrollWidth, e.clientWidth];"
            )
        )

    def screenshot(self, path: Path, max_height: int = 16000) -> None:
        """A full-page PNG at the current viewport width: the viewport is made
        as tall as the page (up to `max_height`), so sticky sidebars and
        lazy parts render as a reader scrolling through would see them."""
        import base64

        width = self.width
        height = min(int(self.driver.execute_script("return document.documentElement.scrollHeight")), max_height)
        self.viewport(width, max(height, 1))
        time.sleep(0.2)
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))


def describe(violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        targets = "; ".join(" ".join(map(str, node["target"])) for node in v["nodes"][:5])
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return lines


# Served gzip-compressed, as GitHub Pages serves them (page_weight.COMPRESSED
# counts the same files as their gzip size), so that Lighthouse measures the
# transfer a reader's phone makes.
GZIP_TYPES = {"text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json", "text/xml", "application/xml"}


@functools.lru_cache(maxsize=512)
def _compressed(path: Path, mtime_ns: int, size: int) -> bytes:
    """A file's gzip body, made once per version of the file (keyed on its
    time and size): every page load asks for the same scripts and styles."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


# GitHub Pages lets a browser keep every file for ten minutes; so does this
# server, so that a page's styles, scripts and fonts come from the browser's
# cache on the next page, as a reader's do (every request is still logged).
CACHE_CONTROL = "max-age=600"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    timeout = 10  # seconds a connection may stay idle

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or kind not in GZIP_TYPES or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        stat = path.stat()
        body = _compressed(path, stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:
        pass  # a browser that navigates on closes connections mid-response


@contextlib.contextmanager
def serve(site: Path = SITE):
    """Serve `site` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def outside(url: str, base: str) -> bool:
    """True when `url` is neither under `base` nor an in-page data/blob URL."""
    scheme = urlparse(url).scheme
    if scheme in ("data", "blob", "about"):
        return False
    return not url.startswith(base)
