"""The Makefile's help lists every target the README and CONTRIBUTING name,
and a successful build prints its few useful lines, not the kernels' expected
warnings (reassurance.pipeline.prefill), while any other line still shows."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

from reassurance.pipeline import prefill
from support import ROOT


def named_targets() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8") + (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return set(re.findall(r"(?:`|^)make ([a-z][a-z-]*)", text, re.MULTILINE))


def test_make_help_lists_every_target_the_readme_and_contributing_name():
    helped = subprocess.run(["make", "-s", "-C", str(ROOT), "help"], capture_output=True, text=True, check=True).stdout
    listed = set(re.findall(r"^make ([a-z][a-z-]*)", helped, re.MULTILINE))
    assert {"book", "test", "validate", "references", "html-stored"} <= named_targets()
    assert named_targets() - listed == set()


def test_the_kernels_expected_warning_is_dropped_and_others_show():
    code = textwrap.dedent(
        """
        import subprocess, sys
        from reassurance.pipeline import prefill
        with prefill._stderr_without(prefill.EXPECTED_NOISE):
            subprocess.run([sys.executable, "-c",
                "import sys; print('[IPKernelApp] WARNING | Kernel is running over TCP without encryption. All', file=sys.stderr);"
                "print('a warning that matters', file=sys.stderr)"])
        print('after', file=sys.stderr)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "without encryption" not in done.stderr
    assert "a warning that matters" in done.stderr and "after" in done.stderr
    assert prefill.EXPECTED_NOISE


def dry_run(*args: str) -> str:
    """The commands `make -n` would run (the environment and conf.py taken as made)."""
    venv = ROOT / ".venv"
    return subprocess.run(["make", "-n", "-C", str(ROOT), *args, "BUILD=/tmp/reassurance-dry", f"VENV={venv}",
                           "-o", f"{venv}/.installed", "-o", "conf.py"],
                          capture_output=True, text=True, check=True, timeout=60).stdout


def test_make_site_renders_the_html_and_the_pdf_from_the_same_executed_outputs():
    commands = dry_run("site")
    builds = [line for line in commands.splitlines() if "sphinx-build" in line]
    assert [b.split()[2] for b in builds] == ["singlehtml", "html"]
    cache = "nb_execution_cache_path=/tmp/reassurance-dry/.jupyter_cache"
    assert all(cache in b and "nb_execution_mode" not in b for b in builds), builds
    # Executed once, before the PDF; the HTML build's prefill finds every result cached.
    assert commands.index("reassurance.pipeline.prefill /tmp/reassurance-dry/.jupyter_cache") < commands.index("singlehtml")


def test_make_site_stored_renders_the_stored_outputs_and_executes_nothing():
    commands = dry_run("html-stored") + dry_run("pdf", "STORED=1")
    builds = [line for line in commands.splitlines() if "sphinx-build" in line]
    assert len(builds) == 2 and all("nb_execution_mode=off" in b for b in builds), builds
    assert "reassurance.pipeline.prefill" not in commands


def test_make_notebooks_saves_the_builds_cached_results():
    commands = dry_run("notebooks")
    assert "reassurance.pipeline.execute" in commands and "reassurance.pipeline.prefill" not in commands
