"""Checks against the texts kept beside the project, in ../shared/sources.

The annotated article is never copied into the repository, so the quote rules
check every quotation against the excerpts stored in data/excerpts.csv and
need nothing else. The rules [article-text] and [fact-sheet]
(reassurance.evidence.book_rules.beside_problems, which `make validate` and `make book`
also run where the texts are present) go one step further: the stored
article excerpts and the claims against the article itself, and the quoted
commitment mentions against the checking notes (the fact sheet).

Where the texts are missing, what happens depends on where the tests run
(support.beside_the_project_missing): on GitHub Actions (GITHUB_ACTIONS=true),
which checks out the repository alone, these tests skip, saying why; under
this project's own CI (CI=true, ../shared present) they must run, and fail
if the texts are missing; elsewhere they skip with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reassurance.evidence import book_rules
from support import article_path, beside_the_project_missing, fact_sheet_path


def _text(path: Path) -> str:
    if not path.is_file():
        action, why = beside_the_project_missing(path)
        if action == "fail":
            pytest.fail(why, pytrace=False)
        pytest.skip(why)
    return path.read_text(encoding="utf-8")


def test_stored_article_excerpts_and_claims_match_the_article(root, evidence):
    article = _text(article_path(root))
    assert book_rules.article_problems(evidence.tables, evidence.paths, article, "the article") == []


def test_a_damaged_article_is_refused(root, evidence):
    """The check runs for real: with one claim's words gone from the article, it fails, naming the row."""
    article = _text(article_path(root))
    claim = evidence.claims.iloc[0]
    words = claim["excerpt"].split()
    damaged = article.replace(words[-1], "REMOVED")
    problems = book_rules.article_problems(evidence.tables, evidence.paths, damaged, "the article")
    assert any("data/claims.csv, row 2, column 'paragraph'" in p and "[article-text]" in p for p in problems), problems


def test_mention_evidence_quotes_are_in_the_fact_sheet(root, evidence):
    facts = _text(fact_sheet_path(root))
    assert book_rules.fact_sheet_problems(evidence.tables, evidence.paths, facts, "the fact sheet") == []
    quoted = evidence.commitment_mentions[evidence.commitment_mentions["evidence_kind"] == "quote"]
    damaged = facts.replace(quoted["evidence"].iloc[0], "")
    assert any("[fact-sheet]" in p for p in book_rules.fact_sheet_problems(evidence.tables, evidence.paths, damaged, "the fact sheet"))


def test_validate_runs_the_checks_where_the_texts_are_present(data_copy, evidence):
    """A project copy with the texts beside it: `make validate` refuses a stored excerpt the article lacks."""
    from reassurance.evidence.load import EvidenceError, validate
    from reassurance.paths import ARTICLE_FILE

    project = data_copy.folder.parent / "project"
    project.mkdir()
    data_copy.folder.rename(project / "data")
    beside = project.parent / "shared" / "sources"
    beside.mkdir(parents=True)
    (beside / ARTICLE_FILE).write_text("A short text that holds none of the article's sentences.\n", encoding="utf-8")
    with pytest.raises(EvidenceError) as caught:
        validate(project / "data" / "datapackage.json")
    assert any("data/excerpts.csv, row" in p and "[article-text]" in p for p in caught.value.problems)


@pytest.mark.parametrize(
    ("environ", "action", "said"),
    [
        ({"CI": "true", "GITHUB_ACTIONS": "true"}, "skip", "GitHub Actions checks out the repository alone"),
        ({"CI": "true"}, "fail", "CI=true but"),
        ({}, "skip", "is not beside the project"),
    ],
    ids=["github-actions-skips-saying-why", "this-projects-ci-fails", "a-fresh-clone-skips"],
)
def test_a_missing_text_skips_on_github_and_fails_under_this_projects_ci(tmp_path, environ, action, said):
    got, why = beside_the_project_missing(tmp_path / "article.txt", environ)
    assert got == action and said in why


def test_where_the_texts_are_present_the_checks_run_even_on_github(root, monkeypatch):
    """GITHUB_ACTIONS=true changes only what happens when the texts are missing."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    if article_path(root).is_file():
        assert _text(article_path(root))  # read, not skipped
    else:
        with pytest.raises(pytest.skip.Exception):
            _text(article_path(root))
