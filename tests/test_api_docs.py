"""Every example in docs/api.md runs, and prints what the page shows (doctest, block by block,
in one namespace, so later examples build on earlier ones as a reader's session would)."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parent.parent / "docs" / "api.md"
TEXT = PAGE.read_text(encoding="utf-8")
BLOCKS = [(TEXT.count("\n", 0, match.start(1)), match.group(1))
          for match in re.finditer(r"^```python\n(.*?)^```", TEXT, re.S | re.M)]


def test_the_page_has_examples_and_all_are_doctests():
    assert len(BLOCKS) >= 6
    assert all(block.lstrip().startswith(">>>") for _, block in BLOCKS)


def test_every_example_prints_what_the_page_shows():
    parser, namespace = doctest.DocTestParser(), {}
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for line, block in BLOCKS:
        test = parser.get_doctest(block, namespace, "docs/api.md", str(PAGE), line)
        failures = []
        runner.run(test, out=failures.append, clear_globs=False)
        namespace = test.globs  # the DocTest works on a copy: carry its names to the next block
        if failures:
            pytest.fail("".join(failures))
