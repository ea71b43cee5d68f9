"""A fresh copy of the project builds WITH execution and no network at all,
text from the data reaches the pages and downloads inert, and the pages
follow the data on disk.

One build serves every check, to keep `make test` fast (issue 22: one build,
not two): a copy of the tracked sources (no _build, so the jupyter cache is
cold) in which every free-text field of every table (its second row) and
every description of the Data Package carries hostile strings (HTML with a
<script> and an <img onerror>, a MyST role, a directive, `$x$`, a leading
`=1+1`), a participant's note and a summit claim's note hold HTML shown in a
table, and one reported count is edited (to 199), is built with `make book`
(executes every notebook, then builds strictly) inside a new network
namespace that holds only the loopback interface: the kernels talk to
Jupyter over 127.0.0.1, nothing else is reachable. Before building, a probe
inside the namespace asserts that no other interface exists and that a
connection to an outside address fails at once as unreachable.

Then: the edited number shows on the built page and in the figure's download
(the notebooks read the data on disk; that a changed input makes the build
run them again is tested in tests/unit/test_inputs.py and test_prefill.py);
nbval on the stored outputs, as `make test` runs it, fails until they are
refreshed; and, with the warm cache, a broken CSV must stop `make book`
within seconds, naming file, row, column and value first, with no traceback.
The environment is this project's installed .venv (installing needs the
package registry; everything after installation must not).

Cost: one kernel start and execution per notebook plus one build, and the
summit notebook once more under nbval.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import shlex
import shutil
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import DataCopy, copy_project, make_command, make_env

# Both tests share one build (`--dist loadfile` keeps them on one worker).
pytestmark = pytest.mark.build

# Run inside the namespace before the build: fails unless the network is cut.
PROBE = textwrap.dedent(
    """
    import errno, fcntl, socket, struct
    # Bring the loopback interface up (what `ip link set lo up` does): the
    # kernels talk to Jupyter over 127.0.0.1.
    SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        flags = struct.unpack("16sH", fcntl.ioctl(s, SIOCGIFFLAGS, struct.pack("16sH22x", b"lo", 0))[:18])[1]
        fcntl.ioctl(s, SIOCSIFFLAGS, struct.pack("16sH22x", b"lo", flags | IFF_UP))
    names = sorted(line.split(":")[0].strip() for line in open("/proc/net/dev").readlines()[2:])
    assert names == ["lo"], f"interfaces in the namespace: {names}"
    # 192.0.2.1 is reserved for documentation (RFC 5737): never a real host.
    try:
        socket.create_connection(("192.0.2.1", 443), timeout=5).close()
    except OSError as exc:
        assert exc.errno == errno.ENETUNREACH, f"expected 'network unreachable', got {exc!r}"
    else:
        raise AssertionError("a connection left the namespace")
    print("network cut: only lo, outside unreachable")
    """
)
CUT = "network cut: only lo, outside unreachable"

# Text from data that a chapter displays; it must show as text, never run.
PLANTED = {
    ("participants", "summit_role_note"): 'Planted <b>bold</b> & "quoted" <script>document.title="planted-xss-1"</script>',
    ("claims", "note"): "Planted <img src=x onerror=\"document.title=`planted-xss-2`\"> <script>alert(`planted-xss-2`)</script>",
}


# In every free-text cell of row 2 and every description: each part must stay text.
# (No passage in single quotes: a note's quoted passage must be a stored excerpt.)
HOSTILE = "=1+1 <script>t=\"planted-xss\"</script><img src=x onerror=t=2> {math}`pr` $x$\n```{danger}\npd\n```"
HOSTILE_SHOWN = "<script>t=\"planted-xss\"</script><img src=x onerror=t=2> {math}`pr` $x$"


def _held_by_a_rule(resource: dict, field: dict) -> bool:
    """A column the validation holds to other text, which hostile text would
    rightly fail: a quote held verbatim to a stored excerpt, or a column that
    references.bib carries (no braces; and references.bib would be stale)."""
    from reassurance.evidence.bibliography import BIB_COLUMNS
    from reassurance.evidence.quote_rules import VERBATIM

    name = (resource["name"], field["name"])
    return name in VERBATIM or (resource["name"] == "sources" and field["name"] in BIB_COLUMNS)


def _free_text_fields(resource: dict) -> list[dict]:
    """String columns that no enum, pattern, key or rule constrains."""
    schema = resource["schema"]
    keys = set(schema.get("primaryKey", []))
    for fk in schema.get("foreignKeys", []):
        keys.update([fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"])
    return [
        f for f in schema["fields"]
        if f["type"] == "string" and not {"enum", "pattern"} & f.get("constraints", {}).keys() and f["name"] not in keys
        and not _held_by_a_rule(resource, f)
    ]


def plant_everywhere(data: DataCopy) -> int:
    """HOSTILE in every free-text cell of each table's first data row (that holds a value) and in every description."""
    descriptor = json.loads(data.datapackage.read_text(encoding="utf-8"))
    planted = 0
    for entry in descriptor["resources"]:
        for field in _free_text_fields(entry):
            # A cell that says unknown or n/a stays so: the chapters rightly check that such words agree.
            if data.cell(entry["name"], 2, field["name"]) in field.get("missingValues", []):
                continue
            assert len(HOSTILE) <= field["constraints"].get("maxLength", len(HOSTILE)), field["name"]
            data.set_cell(entry["name"], 2, field["name"], HOSTILE)
            planted += 1
    for item in [descriptor, *descriptor["resources"], *(f for r in descriptor["resources"] for f in r["schema"]["fields"])]:
        item["description"] = item.get("description", "") + " " + HOSTILE
    data.datapackage.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False), encoding="utf-8")
    return planted


EDITED_VALUE = "199"


def plant(data: DataCopy) -> str:
    """The hostile strings everywhere, then HTML in the first participant and the
    first summit claim, and one reported count changed from its value to
    EDITED_VALUE. Its quote gives another number, so the row says why (else
    validation refuses it). Returns the edited count's id."""
    plant_everywhere(data)
    for (table, column), text in PLANTED.items():
        rows = data.read(table)
        header = rows[0]
        number = next(
            n for n, row in enumerate(rows[1:], start=2)
            if table != "claims" or row[header.index("topic")] == "summit"
        )
        data.set_cell(table, number, column, text)
    rows = data.read("reported_counts")
    number = next(n for n, row in enumerate(rows[1:], start=2) if row[rows[0].index("count_id")].startswith("cnt-epravda"))
    assert data.cell("reported_counts", number, "value") != EDITED_VALUE
    data.set_cell("reported_counts", number, "value", EDITED_VALUE)
    data.set_cell("reported_counts", number, "value_note", "Edited for a test of the build.")
    return data.cell("reported_counts", number, "count_id")


@dataclass
class FreshBuild:
    project: Path
    site: Path
    output: str
    returncode: int
    executions: list[str]
    edited_count: str


def unshare_prefix() -> list[str]:
    if shutil.which("unshare") is None:
        pytest.fail("the offline build needs util-linux `unshare`")
    prefix = ["unshare", "--net"] if os.geteuid() == 0 else ["unshare", "--net", "--map-root-user"]
    probe = subprocess.run(prefix + ["true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.fail(f"cannot create a network namespace here ({' '.join(prefix)}): {probe.stderr.strip()}")
    return prefix


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory) -> FreshBuild:
    prefix = unshare_prefix()
    folder = tmp_path_factory.mktemp("fresh-copy")
    project = copy_project(folder / "project")
    edited_count = plant(DataCopy(project / "data"))
    build = folder / "build"
    log = folder / "executions.log"
    probe = folder / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    make = shlex.join(make_command(project, "book", build))
    script = f"{shlex.join([sys.executable, str(probe)])} && {make}"
    env = make_env() | {"REASSURANCE_EXECUTION_LOG": str(log)}
    done = subprocess.run(prefix + ["sh", "-c", script], env=env, capture_output=True, text=True, timeout=900)
    executions = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
    # `make benchmark` counts executions per `make test`: report these too.
    if executions and os.environ.get("REASSURANCE_EXECUTION_LOG"):
        with open(os.environ["REASSURANCE_EXECUTION_LOG"], "a", encoding="utf-8") as handle:
            handle.writelines(line + "\n" for line in executions)
    return FreshBuild(project, build / "html", done.stdout + done.stderr, done.returncode, executions, edited_count)


def test_a_fresh_copy_builds_with_execution_and_no_network(fresh_build):
    assert CUT in fresh_build.output, fresh_build.output
    assert fresh_build.returncode == 0, fresh_build.output
    assert (fresh_build.site / "index.html").is_file()
    # A quiet build: its few useful lines, not the kernels' expected notice (reassurance.pipeline.prefill).
    assert "without encryption" not in fresh_build.output, fresh_build.output
    assert "executed" in fresh_build.output and "Built: open" in fresh_build.output
    # The cache was cold: every notebook ran, once, and each has its page.
    notebooks = sorted((fresh_build.project / "book").glob("*.ipynb"))
    assert len(fresh_build.executions) == len(notebooks)
    for notebook in notebooks:
        assert (fresh_build.site / "book" / f"{notebook.stem}.html").is_file(), notebook.name


def test_text_from_data_reaches_the_page_escaped(fresh_build):
    assert fresh_build.returncode == 0, fresh_build.output
    # The participants' notes are listed in the evidence appendix, the claims' notes in the annotated article.
    cells = []
    for name in ("evidence.html", "article-annotated.html"):
        page = BeautifulSoup((fresh_build.site / "book" / name).read_text(encoding="utf-8"), "html.parser")
        for script in page.find_all("script"):
            assert "planted-xss" not in (script.string or "") + str(script.get("src") or ""), (name, script)
        for node in page.find_all(True):
            assert not any("planted-xss" in str(value) for value in node.attrs.values()), (name, node)
        assert not [b for b in page.find_all("b") if b.get_text() == "bold"], name
        cells += [td.get_text() for td in page.find_all("td")]
    for text in PLANTED.values():
        assert text in cells, f"the planted text is not shown verbatim in a table cell: {text}"


def _pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html")) + sorted((site / "book").glob("*.html"))


def test_hostile_text_in_every_field_and_description_stays_text(fresh_build):
    assert fresh_build.returncode == 0, fresh_build.output
    shown = 0
    for path in _pages(fresh_build.site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in page.find_all("script"):
            assert "planted-xss" not in (script.string or "") + str(script.get("src") or ""), (path.name, script)
        for node in page.find_all(True):
            assert "onerror" not in node.attrs, (path.name, node)
            assert not any("planted-xss" in str(value) or str(value) == "t=2" for value in node.attrs.values()), (path.name, node)
        assert not page.find_all("img", src="x"), path.name
        # The role and the directive were not run: no math, no admonition.
        assert not page.select(".math, .danger, .admonition.danger"), path.name
        shown += page.get_text().count(HOSTILE_SHOWN)
    # The strings are there, as text (not dropped, which would also pass the checks above).
    dictionary = BeautifulSoup((fresh_build.site / "book" / "data-dictionary.html").read_text(encoding="utf-8"), "html.parser")
    assert HOSTILE_SHOWN in dictionary.get_text()
    assert shown > 10


def test_hostile_text_in_the_downloads_is_no_formula(fresh_build):
    assert fresh_build.returncode == 0, fresh_build.output
    # The figures' downloads; the data dictionary also offers data/*.csv, the evidence itself, as stored.
    files = sorted((fresh_build.project / "book" / "figure-data").glob("*.csv")) + sorted(fresh_build.site.rglob("fig-*.csv"))
    assert files
    neutralised = 0
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path.name, cell)
                    assert not (cell.startswith("-") and not _is_number(cell)), (path.name, cell)
                    assert cell != "", (path.name, row)  # missing values say unknown
                    neutralised += cell.startswith("'=1+1")
    assert neutralised, "no download carries the planted text: the check above proves nothing"


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _make_book(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(make_command(project, "book", site.parent), env=make_env() | env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def broken_warm(fresh_build):
    """`make book` over the warm cache, with a code given a trailing space; then the file restored."""
    assert fresh_build.returncode == 0, fresh_build.output
    data = DataCopy(fresh_build.project / "data")
    saved = data.path("events").read_bytes()
    data.set_cell("events", 3, "category", data.cell("events", 3, "category") + " ")
    log = fresh_build.project.parent / "broken-executions.log"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = _make_book(fresh_build.project, fresh_build.site, REASSURANCE_EXECUTION_LOG=str(log))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    data.path("events").write_bytes(saved)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done, wall, cpu, log.is_file()


def test_broken_data_fails_a_warm_make_book_at_once_and_readably(broken_warm):
    done, wall, cpu, executed = broken_warm
    assert done.returncode != 0
    assert not executed, "a notebook ran on invalid data"
    # About 5 s on two idle cores. Measured as CPU time, so that a busy machine
    # (a wall time of 22 s was seen at a load average of 20) does not fail it.
    assert cpu < 15, f"used {cpu:.0f} s of CPU ({wall:.0f} s wall)"
    assert wall < 60, f"took {wall:.0f} s"
    output = done.stderr + done.stdout
    first = output.strip().splitlines()[:2]
    assert "data/events.csv, row 3, column 'category', value '" in "\n".join(first), output
    assert "Traceback" not in output and "Execution Excepted" not in output, output
    assert output.count("data/events.csv, row 3") == 1, output


def test_an_edited_number_shows_on_the_built_page(fresh_build):
    assert fresh_build.returncode == 0, fresh_build.output
    # Every reported count is listed in the evidence appendix (the summit chapter charts them).
    page = BeautifulSoup((fresh_build.site / "book" / "evidence.html").read_text(encoding="utf-8"), "html.parser")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in page.find_all("tr")]
    assert any(cells and cells[0] == EDITED_VALUE and "European Pravda" in " ".join(cells) for cells in rows)
    download = (fresh_build.project / "book" / "figure-data" / "fig-summit-counts.csv").read_text(encoding="utf-8")
    assert f"{fresh_build.edited_count},{EDITED_VALUE}," in download


def test_make_test_refuses_the_stored_outputs_after_a_data_change(fresh_build):
    """The stored outputs (what `make test` builds from) disagree with the edited data: nbval says so."""
    assert fresh_build.returncode == 0, fresh_build.output
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
         "--nbval-sanitize-with", "tests/sanitize.cfg", "book/summit.ipynb"],
        cwd=fresh_build.project, env=make_env(), capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert EDITED_VALUE in done.stdout
