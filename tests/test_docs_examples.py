"""The README's and the docs' examples are true: every YAML block is valid as what it is, every
shown `newslint` command parses, and commands shown with their output give exactly that output.

Docs drift silently (an unquoted regex in the README's own rule example, a rule id in
docs/output.md that never existed), so each block is checked as what it shows. What a YAML block
is, is inferred from its content (a rule file `extends` a kind, a config has only config keys, a
knowledge-base file has `offices`, ...); an HTML comment on the line before a block says it
where inference cannot, and is the page's convention for the rest:

- `<!-- example: partial -->` a deliberate fragment: it must parse as YAML, nothing more;
- `<!-- example: rule ID -->`, `<!-- example: config -->`, `<!-- example: kb -->` what it is;
- `<!-- example: file PATH -->` a file that the page's exact commands need, written to PATH;
- `<!-- example: exact -->` lines starting `$ newslint` are run in a folder holding the page's
  files, and what follows each, up to the next `$`, is its exact output (stdout, then stderr).
"""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from newslint import __version__
from newslint.cli import COMMANDS, build_parser, main
from newslint.config import load_rules, load_settings
from newslint.errors import ConfigError
from newslint.kb.loading import load_kb
from newslint.kinds import KINDS
from newslint.rules import builtin_packs, builtin_rules_root, load_rule

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^(?P<indent>[ ]*)```(?P<lang>[\w-]*)[ ]*\n(?P<body>.*?)^(?P=indent)```[ ]*$", re.S | re.M)
MARKER = re.compile(r"<!--\s*example:\s*(?P<what>[\w-]+)(?:\s+(?P<arg>\S+))?\s*-->\s*\Z")
CONFIG_KEYS = {"packs", "select", "ignore", "severity", "fail-on", "exclude", "per-file-ignores",
               "front-matter", "rules", "unsafe-fixes", "reference-date", "kb", "docs-url", "vocab",
               "date-path", "extends"}


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    lang: str
    body: str
    marker: str | None
    arg: str | None

    def __str__(self) -> str:
        page = self.page.relative_to(ROOT) if self.page.is_relative_to(ROOT) else self.page.name
        return f"{page}:{self.line}"


def blocks_of(page: Path, text: str | None = None) -> list[Block]:
    text = page.read_text(encoding="utf-8") if text is None else text
    found = []
    for match in FENCE.finditer(text):
        before = text[:match.start()].rstrip()
        marker = MARKER.search(before[before.rfind("<!--"):]) if before.endswith("-->") else None
        body = "\n".join(line[len(match["indent"]):] for line in match["body"].splitlines())
        found.append(Block(page, text.count("\n", 0, match.start()) + 1, match["lang"], body,
                           marker["what"] if marker else None, marker["arg"] if marker else None))
    return found


BLOCKS = [block for page in PAGES for block in blocks_of(page)]
YAML_BLOCKS = [b for b in BLOCKS if b.lang in ("yaml", "yml") and b.marker != "file"]
EXACT_BLOCKS = [b for b in BLOCKS if b.marker == "exact"]


def what_it_is(block: Block, data: object) -> str | None:
    """The block's marker, or what its content shows it to be."""
    if block.marker:
        return block.marker
    if isinstance(data, list) and all(isinstance(step, dict) for step in data):
        return "workflow-steps"
    if not isinstance(data, dict):
        return None
    if data.get("extends") in KINDS:
        return "rule"
    if "repos" in data:
        return "pre-commit"
    if "jobs" in data:
        return "workflow"
    if "offices" in data:
        return "kb"
    if set(data) <= CONFIG_KEYS:
        return "config"
    if len(data) == 1 and isinstance(next(iter(data.values())), dict) and "script" in next(iter(data.values())):
        return "gitlab"
    return None


# -- YAML blocks ---------------------------------------------------------------------------------

@pytest.mark.parametrize("block", YAML_BLOCKS, ids=str)
def test_every_yaml_block_is_valid_as_what_it_is(block, tmp_path):
    check_yaml_block(block, tmp_path)


def check_yaml_block(block: Block, tmp_path: Path) -> None:
    data = yaml.safe_load(block.body)
    kind = what_it_is(block, data)
    assert kind is not None, f"{block}: say what this YAML block is with <!-- example: ... --> before it"
    check = CHECKS.get(kind)
    assert check is not None, f"{block}: unknown example marker {kind!r} (known: {', '.join(sorted(CHECKS))})"
    check(block, data, tmp_path)


def check_partial(block: Block, data: object, tmp_path: Path) -> None:
    assert data is not None, f"{block}: an empty fragment"


def check_rule(block: Block, data: object, tmp_path: Path) -> None:
    """A rule file: it loads (with the built-in data folder), and its examples behave."""
    named = re.match(r"#\s*\S*?([\w-]+)\.ya?ml\b", block.body)
    rule_id = block.arg or (named[1] if named else "example-rule")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / f"{rule_id}.yaml").write_text(block.body, encoding="utf-8")
    data_dir = builtin_rules_root() / "data"
    rule = load_rule(pack / f"{rule_id}.yaml", "pack", data_dir)
    if rule.examples.bad or rule.examples.good:
        (pack / "data").symlink_to(data_dir)
        assert main(["test", str(pack)]) == 0, f"{block}: the rule's own examples fail"


def check_config(block: Block, data: object, tmp_path: Path) -> None:
    """A config file: with the folders and files it names in place, it loads with its rules."""
    site = tmp_path / "site"
    site.mkdir()
    if isinstance(data, dict):
        for name in data.get("packs") or []:
            if name not in builtin_packs():
                (site / name).mkdir(parents=True, exist_ok=True)
        for name in (data.get("kb") or []) + ([data["vocab"]] if data.get("vocab") else []):
            (site / name).mkdir(parents=True, exist_ok=True)
        if data.get("extends"):
            (site / data["extends"]).resolve().write_text("{}\n", encoding="utf-8")
    (site / ".newslint.yaml").write_text(block.body, encoding="utf-8")
    settings = load_settings(site / ".newslint.yaml")
    assert load_rules(settings)


def check_kb(block: Block, data: object, tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(block.body, encoding="utf-8")
    assert load_kb((path,))


def check_pre_commit(block: Block, data: object, tmp_path: Path) -> None:
    hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    for repo in data["repos"]:
        assert repo["rev"] == f"v{__version__}", f"{block}: pin the current release"
        for hook in repo["hooks"]:
            assert hook["id"] in hooks, f"{block}: no hook {hook['id']!r} in .pre-commit-hooks.yaml"


def check_workflow(block: Block, data: object, tmp_path: Path) -> None:
    assert data.get(True, data.get("on")), f"{block}: a workflow needs 'on'"  # YAML 1.1 reads `on` as true
    for job in data["jobs"].values():
        check_workflow_steps(block, job["steps"], tmp_path)


def check_workflow_steps(block: Block, steps: list, tmp_path: Path) -> None:
    """Steps that use newslint's action give only its inputs; `run` lines are commands that parse."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    for step in steps:
        if "newslint@" in str(step.get("uses", "")):
            assert step["uses"].endswith(f"@v{__version__}"), f"{block}: pin the current release"
            unknown = set(step.get("with") or {}) - set(action["inputs"])
            assert not unknown, f"{block}: action.yml has no input {sorted(unknown)}"
        for command in newslint_commands(str(step.get("run", ""))):
            assert_parses(block, command)


def check_gitlab(block: Block, data: object, tmp_path: Path) -> None:
    for job in data.values():
        for command in (c for line in job["script"] for c in newslint_commands(line)):
            assert_parses(block, command)


CHECKS = {"partial": check_partial, "rule": check_rule, "config": check_config, "kb": check_kb,
          "pre-commit": check_pre_commit, "workflow": check_workflow, "gitlab": check_gitlab,
          "workflow-steps": lambda block, data, tmp_path: check_workflow_steps(block, data, tmp_path)}


# -- Commands ------------------------------------------------------------------------------------

def newslint_commands(script: str) -> list[list[str]]:
    """The `newslint` commands in shell text (pipes, `&&`, comments and redirections dropped)."""
    commands = []
    for line in script.replace("\\\n", " ").splitlines():
        if "newslint" not in line or line.lstrip().startswith("$ "):
            continue
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        words: list[str] = []
        for token in [*lexer, ";"]:
            if token in ("|", "||", "&&", ";", "&"):
                if words and words[0].split("/")[-1] == "newslint":  # not a folder, `newslint/`
                    commands.append(words[1:])
                words = []
            elif token in (">", ">>", "<", "2>"):
                words.append("\0redirect")
            elif words and words[-1] == "\0redirect":
                words.pop()  # the redirection's target
            else:
                words.append(token)
    return commands


def argv_of(words: list[str]) -> list[str]:
    argv = list(words)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        argv.insert(0, "check")  # as the command line reads `newslint article.md`
    return argv


def assert_parses(block: Block, words: list[str]) -> None:
    try:
        build_parser().parse_args(argv_of(words))
    except SystemExit as exit_:
        if exit_.code == 0:  # `--help` and `--version` parse, then print and exit 0
            return
        pytest.fail(f"{block}: `newslint {shlex.join(words)}` does not parse (exit {exit_.code})")


SHOWN_COMMANDS = [pytest.param(block, words, id=f"{block} newslint {shlex.join(words)}") for block in BLOCKS
                  if block.lang in ("sh", "bash", "") and block.marker != "exact"
                  for words in newslint_commands(block.body)]


@pytest.mark.parametrize("block, words", SHOWN_COMMANDS)
def test_every_shown_command_parses(block, words, capsys):
    assert_parses(block, words)


@pytest.mark.parametrize("block", EXACT_BLOCKS, ids=str)
def test_shown_output_is_the_real_output(block, workdir, capsys):
    check_exact_block(block, workdir, capsys)


def check_exact_block(block: Block, workdir: Path, capsys) -> None:
    for other in blocks_of(block.page):
        if other.marker == "file":
            path = workdir / other.arg
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(other.body + "\n", encoding="utf-8")
    runs = re.split(r"^\$ ", block.body + "\n", flags=re.M)
    assert runs[0] == "" and len(runs) > 1, f"{block}: an exact block starts with a `$ newslint` line"
    for run in runs[1:]:
        command, _, expected = run.partition("\n")
        words = shlex.split(command)
        assert words[0] == "newslint", f"{block}: only newslint commands run here"
        main(argv_of(words[1:]))
        out, err = capsys.readouterr()
        assert out + err == expected, f"{block}: `{command}` printed something else"


def test_pinned_versions_are_the_current_release():
    """Every install or pin the docs show names the version in newslint/_version.py."""
    pins = re.compile(r"newslint(?:\[[\w,]+\])?==(\S+?)[\"'`\s]|newslint@v([\w.]+)|rev: v([\w.]+)|version: ([\d.]+)")
    found = [(page.relative_to(ROOT), next(v for v in match.groups() if v))
             for page in PAGES for match in pins.finditer(page.read_text(encoding="utf-8"))]
    assert found, "the docs show no pinned release"
    assert [(page, version) for page, version in found if version != __version__] == []


# -- The convention itself -----------------------------------------------------------------------

def test_a_broken_example_fails(workdir, capsys):
    """The checks catch what they are for: the README's old unquoted regex, a rule id that does
    not exist, an input action.yml lacks, a command that does not parse, output that differs."""
    page = workdir / "page.md"
    page.write_text(
        "```yaml\nextends: existence\nmessage: \"'{match}'\"\ntokens: [breaking, shock(?:ing)?]\n```\n"
        "```yaml\nignore: [heading-case]\n```\n"
        f"```yaml\n- uses: OWNER/newslint@v{__version__}\n  with: {{colour: red}}\n```\n"
        "```yaml\n- run: newslint check --format fancy content/\n```\n"
        "<!-- example: file a.md -->\n```markdown\nWhilst talks went on.\n```\n"
        "<!-- example: exact -->\n```text\n$ newslint check --format concise a.md\nAll checked.\n```\n",
        encoding="utf-8")
    rule, config, action, command, _, exact = blocks_of(page)
    for number, block in enumerate((rule, config, action, command)):
        (workdir / str(number)).mkdir()
        with pytest.raises((AssertionError, yaml.YAMLError, ConfigError, pytest.fail.Exception)):
            check_yaml_block(block, workdir / str(number))
    with pytest.raises(AssertionError, match="printed something else"):
        check_exact_block(exact, workdir, capsys)


def test_every_marker_is_known():
    markers = {"partial", "rule", "config", "kb", "file", "exact"}
    for block in BLOCKS:
        assert block.marker in markers | {None}, f"{block}: unknown marker {block.marker!r}"
        assert block.marker != "file" or block.arg, f"{block}: <!-- example: file PATH --> needs its path"
