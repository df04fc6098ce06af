"""The spaCy pipeline as newslint builds it: imported without spaCy's command line."""
from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import sys
from newslint.text.nlp import pipeline
nlp = pipeline()
print([s.text for s in nlp("The talks began. They ended on Friday.").sents])
print(sorted(m for m in ("typer", "weasel", "requests", "httpx", "spacy.cli") if m in sys.modules))
import spacy
import spacy.cli
print("typer" in sys.modules, callable(spacy.cli.info), spacy.info.__module__)
"""


def test_spacy_loads_without_its_command_line_which_stays_importable():
    # A fresh interpreter: the test process may have imported spaCy the ordinary way already.
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == [
        "['The talks began.', 'They ended on Friday.']",
        "[]",  # none of the command line's packages
        "True True newslint.text.nlp",  # the real spacy.cli on request; spacy.info hands over to it
    ]


def test_a_process_that_imported_spacy_first_keeps_it_as_it_is():
    script = "import spacy, spacy.cli\nfrom newslint.text.nlp import pipeline\npipeline()\nprint(spacy.info.__module__)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "spacy.cli.info"


@pytest.mark.parametrize("rule", ["knowledge-cutoff", "casualty-unsourced", "date-conflict", "title-mismatch",
                                  "number-disagreement", "anonymous-source"])
def test_no_rule_imports_spacy_the_heavy_way(rule):
    # Each kind that imports from spaCy must build the pipeline (nlp.pipeline()) first; run
    # alone, its rule is the first to need spaCy in a fresh interpreter.
    script = (
        "import sys\n"
        "from newslint.config import default_settings\n"
        "from newslint.engine import Linter, Selection\n"
        "text = '---\\ndate: 2023-05-02\\n---\\nAs of my last knowledge update, the ambush killed two '\n"
        "text += 'colonels on Monday, said Prime Minister Rishi Sunak. “We won,” he said. A source said '\n"
        "text += 'more would die.\\n'\n"
        f"Linter(default_settings(), Selection(select=({rule!r},))).lint('a.md', text)\n"
        "print('spacy' in sys.modules, 'typer' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True False"
