"""Typical Vale rules, converted by hand as docs/rules/from-vale.md says, fire alike on the same text.

Vale is not run here (tests never download a binary): each case carries the alerts Vale gives,
worked out from Vale's documented behaviour and source (the acronym case is Vale's own
documented example, with its documented output `test.md:1:224`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from newslint.config import Settings
from newslint.engine import Linter
from newslint.findings import Severity
from newslint.text.lines import LineIndex

FROM_VALE = Path(__file__).parent.parent / "docs" / "rules" / "from-vale.md"


@dataclass(frozen=True)
class Case:
    name: str
    vale: str
    newslint: str
    text: str
    alerts: tuple[tuple[int, int, str], ...]
    """(line, column, matched text) of each alert Vale raises on `text`."""


CASES = [
    Case(
        "acronyms",
        vale="""extends: conditional
message: "'%s' has no definition"
level: error
scope: text
ignorecase: false
first: '\\b([A-Z]{3,5})\\b'
second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
exceptions:
  - ABC
  - ADD
""",
        newslint="""extends: requires
message: "'{match}' has no definition"
level: error
window: document
ignorecase: false
first: '\\b([A-Z]{3,5})\\b'
second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
exceptions:
  - ABC
  - ADD
""",
        text=("According to Wikipedia, the World Health Organization (WHO) is a specialized agency of the "
              "United Nations that is concerned with international public health. We can now use WHO because "
              "it has been defined, but we can't use DAFB because people may not know what it represents. We "
              "can use `DAFB` when it's presented as code, though.\n"),
        alerts=((1, 224, "DAFB"),),
    ),
    Case(
        "repetition",
        vale="""extends: repetition
message: "'%s' is repeated!"
level: error
alpha: true
tokens:
  - '[^\\s\\.!?]+'
""",
        newslint="""extends: repetition
message: "'{word}' is repeated!"
level: error
alpha: true
tokens:
  - '[^\\s\\.!?]+'
""",
        text="It is is a test.\nThe the end, said the the\nmayor. We went to to the park. I forgot that. That is all.\n",
        alerts=((1, 4, "is is"), (2, 19, "the the"), (3, 16, "to to")),
    ),
    Case(
        "headings",
        vale="""extends: capitalization
message: "'%s' should use title-style capitalization."
level: suggestion
scope: heading
match: $title
style: AP
""",
        newslint="""extends: capitalization
message: "'{match}' should use title-style capitalization."
level: suggestion
scope: heading
match: $title
style: AP
""",
        text="# Iran strikes militant groups in pakistan\n\nSome text here.\n\n## Iran Strikes Militant Groups in Pakistan\n",
        alerts=((1, 3, "Iran strikes militant groups in pakistan"),),
    ),
    Case(
        "commas",
        vale="""extends: occurrence
message: 'More than 3 commas!'
level: warning
scope: sentence
max: 3
token: ','
""",
        newslint="""extends: occurrence
message: 'More than 3 commas!'
level: warning
per: sentence
max: 3
token: ','
""",
        text="One, two, three, four, five. Six, seven.\n\nA, b, c.\n",
        alerts=((1, 4, ","),),
    ),
    Case(
        "spelling",
        vale="""extends: consistency
message: "Inconsistent spelling of '%s'."
level: error
ignorecase: true
either:
  advisor: adviser
  centre: center
""",
        newslint="""extends: consistency
message: "Inconsistent spelling of '{match}'."
level: error
ignorecase: true
either:
  advisor: adviser
  centre: center
""",
        text="The advisor spoke at the centre.\n\nLater the adviser left.\n",
        alerts=((3, 11, "adviser"),),
    ),
]


def findings(tmp_path, case: Case):
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / f"{case.name}.yaml").write_text(case.newslint, encoding="utf-8")
    return Linter(Settings(path=None, root=tmp_path, packs=(pack,))).lint("test.md", case.text)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_fires_where_vale_does(tmp_path, case):
    index = LineIndex(case.text)
    found = [(*index.position(f.span.start), case.text[f.span.start : f.span.end])
             for f in findings(tmp_path, case)]
    assert found == list(case.alerts)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_levels_map_onto_ours(tmp_path, case):
    vale_level = yaml.safe_load(case.vale)["level"]
    expected = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}[vale_level]
    assert {f.severity for f in findings(tmp_path, case)} == {expected}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_every_vale_key_used_is_in_the_guide(case):
    guide = FROM_VALE.read_text(encoding="utf-8")
    rule = yaml.safe_load(case.vale)
    assert f"`{rule['extends']}`" in guide
    for key in rule:
        assert f"`{key}`" in guide, f"docs/rules/from-vale.md does not map Vale's `{key}`"
