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
