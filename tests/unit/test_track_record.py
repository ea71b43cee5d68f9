"""Key judgements: their schema and rules, the scores computed from them, the
rule that a judgement is never edited once written, and the pages that show them."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess

import pandas as pd
import pytest

from reassurance.chapters import track_record
from reassurance.evidence import judgement_rules, labels
from reassurance.evidence.load import EvidenceError, validate

FROZEN = ["as_of", "written", "statement", "by_date", "likelihood", "confidence", "confidence_basis", "indicators", "shown_in", "replaces"]
SETTLED = ["outcome", "outcome_date", "outcome_source_key", "outcome_note"]
CHAPTER_PAGES = ["commitment", "russia", "us-position", "positions", "since-then"]


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# --- schema and rules ---------------------------------------------------------------------


def test_the_yardstick_is_the_only_source_of_likelihood_words(root):
    descriptor = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for r in descriptor["resources"] if r["name"] == "judgements" for f in r["schema"]["fields"]}
    assert fields["likelihood"]["constraints"]["enum"] == list(judgement_rules.YARDSTICK)
    assert list(labels.LIKELIHOOD) == list(judgement_rules.YARDSTICK)
    ranges = list(judgement_rules.YARDSTICK.values())
    assert ranges == sorted(ranges) and all(low < high for low, high in ranges)
    assert [track_record.range_text(c) for c in ("remote-chance", "unlikely", "almost-certain")] == ["≤5%", "25–35%", "≥95%"]
    assert track_record.midpoint("unlikely") == pytest.approx(0.30)


def test_there_are_enough_judgements_and_enough_are_scored(evidence):
    table = evidence.judgements
    assert len(table) >= 8
    assert len(track_record.scored(table)) >= 4
    assert 4 <= (table["shown_in"] == "front").sum() <= 8
    for page in CHAPTER_PAGES:
        assert 2 <= (table["shown_in"] == page).sum() <= 4, page


def test_every_judgement_rests_on_sources_that_exist_and_predate_it(evidence):
    sources = evidence.sources.set_index("source_key")
    cited = evidence.judgement_evidence
    assert set(evidence.judgements["judgement_id"]) == set(cited["judgement_id"])
    as_of = evidence.judgements.set_index("judgement_id")["as_of"]
    for row in cited.itertuples(index=False):
        assert row.source_key in sources.index, row
        dated = sources.at[row.source_key, "dated"]
        assert not pd.isna(dated) and dated <= as_of[row.judgement_id], row


def test_every_settled_outcome_names_a_source_that_exists(evidence):
    keys = set(evidence.sources["source_key"])
    for row in evidence.judgements.itertuples(index=False):
        if row.outcome == "open":
            assert row.outcome_source_key == "n/a", row.judgement_id
        else:
            assert row.outcome_source_key in keys, row.judgement_id


def test_the_board_has_its_six_indicators_each_with_a_source(evidence):
    assert sorted(evidence.board["indicator"]) == sorted(labels.INDICATOR)
    assert list(labels.INDICATOR)[:3] == ["ceasefire", "force-deployed", "contributors-named"]
    assert set(evidence.board["source_key"]) <= set(evidence.sources["source_key"])
    assert (evidence.board["status"].str.len() <= 60).all()


def rewrite(path, change) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    fields = list(table[0])
    change(table)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def problems_after(tmp_path, root, name, change) -> str:
    import shutil

    shutil.copytree(root / "data", tmp_path / "data")
    rewrite(tmp_path / "data" / name, change)
    with pytest.raises(EvidenceError) as caught:
        validate(tmp_path / "data" / "datapackage.json")
    return str(caught.value)


def test_a_judgement_without_evidence_fails_validation_naming_its_row(tmp_path, root):
    message = problems_after(
        tmp_path, root, "judgement_evidence.csv", lambda t: t.__setitem__(slice(None), [r for r in t if r["judgement_id"] != "j-2025-ceasefire"])
    )
    assert re.search(r"data/judgements\.csv, row 2 \(j-2025-ceasefire\): \[no-evidence\]", message), message


def test_an_outcome_without_a_source_fails_validation_naming_its_row(tmp_path, root):
    def drop(table):
        table[0]["outcome_source_key"] = "n/a"

    message = problems_after(tmp_path, root, "judgements.csv", drop)
    assert "data/judgements.csv, row 2 (j-2025-ceasefire): [outcome]" in message and "names no source" in message


def test_a_likelihood_outside_the_yardstick_fails_validation_naming_its_row(tmp_path, root):
    def vague(table):
        table[1]["likelihood"] = "probable"

    message = problems_after(tmp_path, root, "judgements.csv", vague)
    assert "data/judgements.csv, row 3" in message and "'likelihood'" in message and "probable" in message


def test_evidence_dated_after_the_judgement_fails_validation(tmp_path, root):
    def later(table):
        table.append({"judgement_id": "j-2025-ceasefire", "source_key": "moscowtimes-2026-02-13"})

    message = problems_after(tmp_path, root, "judgement_evidence.csv", later)
    assert "(j-2025-ceasefire, moscowtimes-2026-02-13): [evidence-date]" in message


def test_a_revision_must_name_a_judgement_that_exists(tmp_path, root):
    def revise(table):
        table[-1]["replaces"] = "j-nothing-like-it"

    message = problems_after(tmp_path, root, "judgements.csv", revise)
    assert "'replaces'" in message and "j-nothing-like-it" in message


# --- scores --------------------------------------------------------------------------------


def test_the_scores_are_computed_from_the_rows(root):
    table = rows((root / "data" / "judgements.csv").read_text(encoding="utf-8"))
    settled = [r for r in table if r["outcome"] in ("borne-out", "not-borne-out")]
    p = {r["judgement_id"]: sum(judgement_rules.YARDSTICK[r["likelihood"]]) / 200 for r in settled}
    o = {r["judgement_id"]: int(r["outcome"] == "borne-out") for r in settled}
    brier = sum((p[k] - o[k]) ** 2 for k in p) / len(p)
    hits = sum((p[k] > 0.5) == bool(o[k]) and p[k] != 0.5 for k in p)

    import pandas as pd

    frame = pd.DataFrame(table)
    scores = track_record.scores(frame)
    assert (scores.calls, scores.hits) == (len(settled), hits)
    assert scores.brier == pytest.approx(brier)
    summary = track_record.track_record_markdown(frame, "summary")
    assert f"{hits} of {len(settled)} calls held, a hit rate of {hits / len(settled):.0%}" in summary
    assert f"The Brier score is {brier:.3f}" in summary
    assert "retrospective" in summary


def test_overtaken_and_open_calls_are_not_scored():
    import pandas as pd

    frame = pd.DataFrame(
        [
            {"likelihood": "likely", "outcome": "borne-out"},
            {"likelihood": "unlikely", "outcome": "borne-out"},
            {"likelihood": "almost-certain", "outcome": "overtaken"},
            {"likelihood": "remote-chance", "outcome": "open"},
        ]
    )
    scores = track_record.scores(frame)
    assert (scores.calls, scores.hits) == (2, 1)
    assert scores.brier == pytest.approx(((0.65 - 1) ** 2 + (0.30 - 1) ** 2) / 2)


# --- never edited once written -------------------------------------------------------------------


def git(root, *args) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def history(root, path: str) -> list[tuple[str, str]]:
    """(commit, its UTC day) of the commits that changed `path`, oldest first."""
    try:
        git(root, "rev-parse", "--git-dir")
    except (OSError, subprocess.CalledProcessError):
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but the project is not a git repository: the judgements' history cannot be checked")
        pytest.skip("not a git repository (a copy of the project): no history to check the judgements against")
    if git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
        pytest.fail("a shallow clone: fetch the whole history (git fetch --unshallow; fetch-depth: 0 in CI)")
    out = git(root, "-c", "log.showSignature=false", "log", "--reverse", "--date=format-local:%Y-%m-%d", "--format=%H %cd", "--", path)
    return [tuple(line.split()) for line in out.splitlines() if line.strip()]


def frozen_versions(root, path: str, key, written) -> dict:
    """Each key's version as it stood at the end of the day it was written:
    the last committed version dated on or before that day, or, for a key first
    committed later, its first committed version. `written(key)` gives the day."""
    versions: dict = {}
    env_tz = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    try:
        commits = history(root, path)
    finally:
        if env_tz is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = env_tz
    for commit, day in commits:
        grouped: dict = {}
        for row in rows(git(root, "show", f"{commit}:{path}")):
            grouped.setdefault(key(row), []).append(row)
        for k, found in grouped.items():
            if k not in versions or day <= written(k, found):
                versions[k] = found
    return versions


def test_a_judgement_is_never_edited_or_dropped_after_the_day_it_was_written(root):
    """Compared with each row as it stood at the end of the day it was written
    (data/judgements.csv's history): the judgement itself never changes after;
    an outcome may go from open to settled, once."""
    now = {r["judgement_id"]: r for r in rows((root / "data" / "judgements.csv").read_text(encoding="utf-8"))}
    frozen = frozen_versions(root, "data/judgements.csv", lambda r: r["judgement_id"], lambda k, found: found[0]["written"])
    problems = []
    for judgement_id, (then,) in frozen.items():
        current = now.get(judgement_id)
        if current is None:
            problems.append(f"{judgement_id}: dropped; a judgement stays in the record")
            continue
        changed = [c for c in FROZEN if c in then and then[c] != current[c]]
        if changed:
            problems.append(f"{judgement_id}: {changed} edited after it was written; add a new row that replaces it")
        if then["outcome"] != "open" and [then[c] for c in SETTLED] != [current[c] for c in SETTLED]:
            problems.append(f"{judgement_id}: its settled outcome was changed")
    assert not problems, "\n".join(problems)


def test_a_judgement_s_evidence_is_never_changed_after_the_day_it_was_written(root):
    path = "data/judgement_evidence.csv"
    written = {r["judgement_id"]: r["written"] for r in rows((root / "data" / "judgements.csv").read_text(encoding="utf-8"))}
    frozen = frozen_versions(root, path, lambda r: r["judgement_id"], lambda k, found: written.get(k, "9999-12-31"))
    now: dict[str, set] = {}
    for row in rows((root / path).read_text(encoding="utf-8")):
        now.setdefault(row["judgement_id"], set()).add(row["source_key"])
    changed = sorted(j for j, found in frozen.items() if now.get(j) != {r["source_key"] for r in found})
    assert not changed, f"evidence changed after the judgement was written: {changed}"


def test_the_history_check_catches_an_edit(tmp_path):
    """The rule works: in a repository where a committed judgement is then
    edited, the first version differs from the file."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    header = "judgement_id,as_of,statement,outcome\n"
    (repo / "data" / "judgements.csv").write_text(header + "j-a,2025-09-05,Old words.,open\n", encoding="utf-8")
    for args in (["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True)
    (repo / "data" / "judgements.csv").write_text(header + "j-a,2025-09-05,New words.,open\n", encoding="utf-8")
    # Written on a day before the commit: the committed version is the frozen one.
    frozen = frozen_versions(repo, "data/judgements.csv", lambda r: r["judgement_id"], lambda k, found: "2000-01-01")
    now = rows((repo / "data" / "judgements.csv").read_text(encoding="utf-8"))
    assert frozen["j-a"][0]["statement"] == "Old words." != now[0]["statement"]


# --- the pages --------------------------------------------------------------------------------------


def test_text_from_the_data_renders_inert():
    import pandas as pd

    row = pd.Series(
        {
            "statement": "<script>x</script> {glue:text}`n` $x$ [a](b)",
            "likelihood": "unlikely",
            "confidence": "low",
            "shown_in": "front",
            "as_of": "2026-12-07",
            "outcome": "open",
        }
    )
    text = track_record.list_markdown(pd.DataFrame([row]), "front")
    statement = text[len("- **") : text.index("** ")]
    # Every markup character from the data is escaped: none acts as markup.
    assert not re.search(r"(?<!\\)[<>{}`$\[\]()]", statement), statement
    assert r"\<script\>" in statement and r"\{glue" in statement and r"\$x\$" in statement


def test_the_front_page_has_the_board_first_and_the_key_judgements(root):
    text = (root / "index.md").read_text(encoding="utf-8")
    title = text.index("\n# ") if text.startswith("\n") else 0
    board = text.index("```{status-board}")
    assert title < board < text.index("(bottom-line)=")
    assert "```{judgements} front" in text
    # The tally of the wire article's claims belongs to the annotated article.
    assert not re.search(r"ann_n_(confirmed|nuance|unverified|problem|claims)", text)


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_each_chapter_s_assessment_box_states_its_judgements(root, page):
    cells = json.loads((root / "book" / f"{page}.ipynb").read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    box = text[text.index("{admonition} Our assessment") :]
    assert f"```{{judgements}} {page}\n```" in box


def test_the_annotated_article_sits_in_the_reference_part(root):
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    numbered = [c["file"] for part in toc["parts"] if part.get("numbered") for c in part["chapters"]]
    reference = [c["file"] for part in toc["parts"] if not part.get("numbered") for c in part["chapters"]]
    assert "book/article-annotated" in reference and "book/article-annotated" not in numbered
    assert "book/track-record" in numbered
