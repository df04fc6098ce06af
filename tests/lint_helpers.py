"""The one way tests lint text with a rule of their own: a fresh pack holding that rule (and any
data files), findings placed at line and column. Shared by the kind tests, which each used to
carry a copy."""
from __future__ import annotations

from pathlib import Path

from newslint.config import Settings
from newslint.engine import Linter
from newslint.findings import Finding
from newslint.text.lines import LineIndex


def lint_with_rule(tmp_path: Path, rule_id: str, rule: str, text: str,
                   data: dict[str, str] | None = None) -> list[Finding]:
    """Findings for `text` from a pack holding the rule file `rule_id.yaml` and `data` files."""
    pack = tmp_path / "pack"
    pack.mkdir(parents=True, exist_ok=True)
    if data:
        (pack / "data").mkdir(exist_ok=True)
        for name, content in data.items():
            (pack / "data" / name).write_text(content, encoding="utf-8")
    (pack / f"{rule_id}.yaml").write_text(rule, encoding="utf-8")
    return Linter(Settings(path=None, root=tmp_path, packs=(pack,))).lint("a.md", text)


def located(findings: list[Finding], text: str) -> list[tuple]:
    """(rule, line, column, message) of each finding, as an editor sees them."""
    index = LineIndex(text)
    return [(f.rule, *index.position(f.span.start), f.message) for f in findings]
