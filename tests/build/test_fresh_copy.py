"""A fresh copy of the project builds WITH execution and no network at all,
and text from the data reaches the pages escaped.

One build serves both checks, to keep `make test` fast: a copy of the
tracked sources (no _build, so the jupyter cache is cold) in which a
participant's note (shown in the summit chapter's table) and a summit
claim's note (shown in its claims table) hold HTML and a <script> tag, is
built with `make book` (executes every notebook, then builds strictly)
inside a new network namespace that holds only the loopback interface: the
kernels talk to Jupyter over 127.0.0.1, nothing else is reachable. Before
building, a probe inside the namespace asserts that no other interface exists
and that a connection to an outside address fails at once as unreachable.
The environment is this project's installed .venv (installing needs the
package registry; everything after installation must not).

Cost: one kernel start and execution per notebook plus one build.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import textwrap
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
    ("claims", "note"): "Planted <img src=x onerror=\"document.title='planted-xss-2'\"> <script>alert('planted-xss-2')</script>",
}


def plant(data: DataCopy) -> None:
    """Put the planted text in the first participant and the first summit claim."""
    for (table, column), text in PLANTED.items():
        rows = data.read(table)
        header = rows[0]
        number = next(
            n for n, row in enumerate(rows[1:], start=2)
            if table != "claims" or row[header.index("topic")] == "summit"
        )
        data.set_cell(table, number, column, text)


@dataclass
class FreshBuild:
    project: Path
    site: Path
    output: str
    returncode: int
    executions: list[str]


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
    plant(DataCopy(project / "data"))
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
    return FreshBuild(project, build / "html", done.stdout + done.stderr, done.returncode, executions)


def test_a_fresh_copy_builds_with_execution_and_no_network(fresh_build):
    assert CUT in fresh_build.output, fresh_build.output
    assert fresh_build.returncode == 0, fresh_build.output
    assert (fresh_build.site / "index.html").is_file()
    # The cache was cold: every notebook ran, once, and each has its page.
    notebooks = sorted((fresh_build.project / "book").glob("*.ipynb"))
    assert len(fresh_build.executions) == len(notebooks)
    for notebook in notebooks:
        assert (fresh_build.site / "book" / f"{notebook.stem}.html").is_file(), notebook.name


def test_text_from_data_reaches_the_page_escaped(fresh_build):
    assert fresh_build.returncode == 0, fresh_build.output
    page = BeautifulSoup((fresh_build.site / "book" / "summit.html").read_text(encoding="utf-8"), "html.parser")
    for script in page.find_all("script"):
        assert "planted-xss" not in (script.string or "") + str(script.get("src") or ""), script
    for node in page.find_all(True):
        assert not any("planted-xss" in str(value) for value in node.attrs.values()), node
    assert not [b for b in page.find_all("b") if b.get_text() == "bold"]
    cells = [td.get_text() for td in page.find_all("td")]
    for text in PLANTED.values():
        assert text in cells, f"the planted text is not shown verbatim in a table cell: {text}"
