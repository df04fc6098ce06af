"""The first tokens of claim words kept between runs, so that a short article with no claim
word (nor date, title or sequence anchor) is linted without importing spaCy at all."""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

from newslint import compiled
from newslint.text import nlp

PHRASES = ("killed", "death toll", "co-workers injured", "cannot", "U.S.-led", "(dead)", "", "  wounded")


@pytest.fixture
def folder(compiled_folder):
    return compiled_folder


def test_stored_first_tokens_are_spacys_without_spacy(folder, monkeypatch):
    fresh = nlp.first_tokens(PHRASES)
    assert fresh == tuple(doc[0].text if len(doc) else "" for doc in map(nlp.pipeline().make_doc, PHRASES))
    assert fresh[:4] == ("killed", "death", "co", "can")  # spaCy's own split of "cannot"
    compiled.use_folder(None)
    compiled.use_folder(folder)  # as a new process: the table read afresh

    def no_spacy():
        raise AssertionError("spaCy was asked")

    monkeypatch.setattr(nlp, "pipeline", no_spacy)
    assert nlp.first_tokens(PHRASES) == fresh


@pytest.mark.parametrize("damage", [None, 3, ["x"], [1] * len(PHRASES)])
def test_a_damaged_entry_is_computed_again(folder, damage):
    fresh = nlp.first_tokens(PHRASES)
    nlp._first_tokens_table()["\x00".join(PHRASES)] = damage
    assert nlp.first_tokens(PHRASES) == fresh


def test_a_short_article_without_claim_words_needs_no_spacy_once_the_cache_knows(tmp_path):
    (tmp_path / "a.md").write_text("The committee met to discuss the new budget plan for the library.\n",
                                   encoding="utf-8")
    script = textwrap.dedent("""
        import sys
        from newslint.cli import main
        code = main(["check", "--format", "concise", "a.md"])
        print(code, "spacy" in sys.modules)
    """)
    runs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                              check=True)
        runs.append(done.stdout.split()[-2:])
        for entry in (tmp_path / ".newslint_cache").iterdir():  # forget the findings, keep the compiled forms
            if entry.is_dir() and entry.name != "compiled":
                shutil.rmtree(entry)
    assert runs == [["0", "True"], ["0", "False"]]
