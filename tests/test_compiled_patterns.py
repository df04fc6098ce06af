"""Parsed rule patterns kept between runs (`newslint.compiled`): the same answer, without `re`'s parser.

A stored pattern must behave exactly as a freshly parsed one (size, required literals, hence
the same prefilter and the same matches); patterns that fail to parse, or that `regex` may
refuse, are never stored, so their errors still appear at load every time.
"""
from __future__ import annotations

import pytest

from newslint import compiled
from newslint.patterns import known, safe
from newslint.patterns.safe import compile_pattern
from compiled_helpers import reopen as _again

PATTERNS = [r"\b(?:killed|died|wounded)\b", r"according to (?:the )?\w+", r"x{3}y", r"\d+ (?:people|persons)",
            r"(?i:Chat)GPT|as an AI language model"]


@pytest.fixture
def folder(compiled_folder):
    known._seen.clear()  # as in a new process: nothing parsed yet
    yield compiled_folder
    known._seen.clear()


def test_a_stored_pattern_is_the_parsed_pattern_without_parsing(folder, monkeypatch):
    fresh = [compile_pattern(p, ignorecase=i % 2 == 0) for i, p in enumerate(PATTERNS)]
    _again(folder)

    class NoParsing:
        @staticmethod
        def parse(*args):
            raise AssertionError("parsed again")

    monkeypatch.setattr(safe, "_sre_parse", NoParsing)
    for i, (text, before) in enumerate(zip(PATTERNS, fresh)):
        after = compile_pattern(text, ignorecase=i % 2 == 0)
        assert (after.pattern, after.flags, after._per_char, after._literals) == \
               (before.pattern, before.flags, before._per_char, before._literals)
        for sample in ("Two people were killed.", "according to police", "xxxy", "CHATGPT said", ""):
            assert after.may_occur(sample.casefold()) == before.may_occur(sample.casefold())
            assert bool(after.search(sample)) == bool(before.search(sample))


def test_the_same_text_under_other_flags_is_another_entry(folder):
    compile_pattern("abc")
    _again(folder)
    table = compiled.table(*known._TABLE)
    assert set(table) == {"0:abc"}
    compile_pattern("abc", ignorecase=True)
    assert set(table) == {"0:abc", f"{safe.re.IGNORECASE}:abc"}


def test_bad_and_eagerly_compiled_patterns_are_never_stored(folder):
    for text in ("a(b", "x{2,1}"):
        with pytest.raises(ValueError):
            compile_pattern(text)
    compile_pattern(r"a\{b")  # a literal brace: `regex` may read it otherwise, so compiled at once
    _again(folder)
    assert compiled.table(*known._TABLE) == {}
    with pytest.raises(ValueError, match="bad regular expression"):
        compile_pattern("a(b")


@pytest.mark.parametrize("damage", [[1], ["x", None], [5, [[1, 2]]], [5, [[]]], None, "text"])
def test_a_damaged_entry_is_parsed_again(folder, damage):
    fresh = compile_pattern("according to officials")
    compiled.flush()
    table = compiled.table(*known._TABLE)
    table["0:according to officials"] = damage
    known._seen.clear()  # a new process, reading the damaged table
    again = compile_pattern("according to officials")
    assert (again._per_char, again._literals) == (fresh._per_char, fresh._literals)


def test_without_a_folder_nothing_is_kept(tmp_path):
    compiled.use_folder(None)
    compile_pattern("plain words")
    compiled.flush()
    assert compiled.table("patterns", "any") is None
    assert list(tmp_path.iterdir()) == []


def test_a_process_parses_a_pattern_once_with_or_without_a_folder(monkeypatch):
    # A warm process (the daemon) loads the same rules for every request.
    compiled.use_folder(None)
    known._seen.clear()
    fresh = compile_pattern(r"\b(?:hurt|injured)\b (?:in|at)", ignorecase=True)

    class NoParsing:
        @staticmethod
        def parse(*args):
            raise AssertionError("parsed again")

    monkeypatch.setattr(safe, "_sre_parse", NoParsing)
    again = compile_pattern(r"\b(?:hurt|injured)\b (?:in|at)", ignorecase=True)
    assert (again._per_char, again._literals, again.flags) == (fresh._per_char, fresh._literals, fresh.flags)
    with pytest.raises(AssertionError, match="parsed again"):
        compile_pattern(r"\b(?:hurt|injured)\b (?:in|at)")  # other flags: another key
    with pytest.raises(AssertionError, match="parsed again"):
        compile_pattern("a(b")  # refused patterns are never kept: their error comes at every load
