"""Find, read, merge and validate configuration, and load the rules it asks for.

The nearest `.newslint.yaml` (or `.newslint.yml`, or a `pyproject.toml` with `[tool.newslint]`)
above a file configures it; `extends:` inherits from another file, whose settings the child
overrides key by key. Every key is validated up front: an unknown key, a wrong type or an
unknown rule id stops the run with `path:line: message`, every independent mistake of a file at
once (ConfigErrors). Relative paths in a file resolve against
that file's folder. With no config at all, the built-in `newsroom` pack runs.
"""
from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import os
import re
import stat
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the backport has the same API (pyproject.toml)
    import tomli as tomllib  # type: ignore[no-redef]
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal, Mapping

from .text.context import ArticleContext, FrontMatterKeys
from .core_rules import CORE_RULES
from .errors import ConfigError, raise_all
from .findings import Severity
from .rules import Rule, builtin_packs, load_pack
from .schema import OptionError, build_options
from .yamlfile import MAX_FILE_BYTES, YamlDoc, read_yaml_file

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml", "pyproject.toml")
LevelName = Literal["error", "warning", "info", "suggestion"]

@dataclass(frozen=True)
class _FileOptions:
    """The keys of one config file, as written (None: not set there)."""

    extends: str | None = None
    packs: tuple[str, ...] | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    severity: Mapping[str, LevelName] | None = None
    fail_on: Literal["error", "warning", "info"] | None = None
    exclude: tuple[str, ...] | None = None
    per_file_ignores: Mapping[str, tuple[str, ...]] | None = None
    front_matter: Mapping[str, Any] | None = None
    rules: Mapping[str, Mapping[str, Any]] | None = None
    unsafe_fixes: bool | tuple[str, ...] | None = None
    reference_date: Any = None
    kb: tuple[str, ...] | None = None
    docs_url: str | None = None
    vocab: str | None = None
    date_path: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Settings:
    path: Path | None
    """The config file (None: built-in defaults)."""
    root: Path
    """The folder that `exclude` and `per-file-ignores` globs are relative to."""
    packs: tuple[Path, ...]
    select: tuple[str, ...] = ("all",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    exclude: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    front_matter: FrontMatterKeys = field(default_factory=FrontMatterKeys)
    rule_overrides: Mapping[str, tuple[Mapping, YamlDoc]] = field(default_factory=dict)
    unsafe_fixes: bool | frozenset = False
    reference_date: dt.date | None = None
    today: dt.date = field(default_factory=dt.date.today)
    """The run's one "today" (set once per run by the runner; see ArticleContext.today)."""
    kb: tuple[Path, ...] = ()
    docs_url: str | None = None
    """Where rule docs live: `{rule}` in it is replaced by the rule id, else the id is appended."""
    vocab: Path | None = None
    """The vocabulary folder the config names (else `.newslint/vocab` beside it, see vocab.py)."""
    date_path: tuple[str, ...] = ()
    """Patterns (named groups year, month, perhaps day) that find the publication date in a
    file's path, tried before the built-in forms (temporal/reference.py)."""

    def rule_link(self, rule_id: str, link: str = "") -> str:
        """An absolute documentation URL for a rule, or "" when none is known."""
        if re.match(r"^https?://", link):
            return link
        if not self.docs_url:
            return ""
        return self.docs_url.replace("{rule}", rule_id) if "{rule}" in self.docs_url else self.docs_url + rule_id

    @property
    def article_context(self) -> ArticleContext:
        return ArticleContext(self.front_matter, self.reference_date, self.today,
                              tuple(re.compile(p) for p in self.date_path), kb_paths=self.kb)

    def allows_unsafe_fix(self, rule_id: str) -> bool:
        return self.unsafe_fixes is True or (
            isinstance(self.unsafe_fixes, frozenset) and rule_id in self.unsafe_fixes)


def find_config(start: Path) -> Path | None:
    """The nearest config file in `start` or a folder above it."""
    folder = start.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if name != "pyproject.toml" and os.path.lexists(candidate):
                # A .newslint.yaml that is a folder, a FIFO or a broken link is a mistake to
                # report, never a reason to lint with other settings than the user wrote.
                _check_regular(candidate)
                return candidate
            if candidate.is_file() and name == "pyproject.toml" and _has_tool_section(candidate):
                return candidate
    return None


def _check_regular(path: Path) -> None:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise ConfigError(path, 1, "cannot use this config file: it is a symbolic link to a missing file "
                                   f"({os.readlink(path)}).") from None
    except OSError as err:
        raise ConfigError(path, 1, f"cannot use this config file: it cannot be read ({err.strerror or err}).") from None
    if stat.S_ISDIR(mode):
        raise ConfigError(path, 1, "cannot use this config file: it is a directory, not a file.")
    if not stat.S_ISREG(mode):
        kind = "FIFO (named pipe)" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "special file"
        raise ConfigError(path, 1, f"cannot use this config file: it is not a regular file but a {kind}.")


def default_settings(root: Path | None = None) -> Settings:
    return Settings(path=None, root=(root or Path.cwd()), packs=(builtin_packs()["newsroom"],))


def load_settings(path: Path) -> Settings:
    """Read a config file (following `extends`) into validated Settings; every independent
    mistake of the chain is raised at once (a key with a mistake is left out of the rest)."""
    problems: list[ConfigError] = []
    chain = _read_chain(path.resolve(), [], problems)
    settings = default_settings(path.resolve().parent)
    for doc, options in chain:  # the furthest ancestor first, so children override
        settings = replace(settings, **_changes(settings, doc, options, problems))
    raise_all(problems)
    return settings


def settings_in_force(folder: Path, config: Path | None = None, isolated: bool = False) -> Settings:
    """The one answer to "which settings apply here": `config` (--config) when given, the
    defaults with `isolated` (--isolated), else the nearest config file above `folder`, else
    the defaults rooted at `folder`."""
    if config is not None:
        return load_settings(config)
    found = None if isolated else find_config(folder)
    return load_settings(found) if found is not None else default_settings(folder)


def _read_chain(path: Path, seen: list[Path], problems: list[ConfigError]) -> list[tuple[YamlDoc, _FileOptions]]:
    if path in seen:
        raise ConfigError(seen[-1], 1, f"'extends' makes a cycle through {path}")
    doc = _read_config_file(path)
    if doc.data is None:
        return [(doc, _FileOptions())]
    if not isinstance(doc.data, dict):
        raise doc.error("a config file must be a mapping of keys such as 'packs' and 'ignore'")
    known = {f.name.replace("_", "-") for f in fields(_FileOptions)}
    problems += [doc.error(f"unknown key {key!r} in config (known: {', '.join(sorted(known))})", key)
                 for key in doc.data if key not in known]
    values = {k: v for k, v in doc.data.items() if k in known}
    try:
        options = build_options(_FileOptions, values)
    except OptionError as err:
        wrong = getattr(err, "errors", (err,))
        problems += [doc.error(str(one), one.key, *one.subkeys) for one in wrong]
        # Build the rest without the keys in error, so their own mistakes are found too.
        options = build_options(_FileOptions, {k: v for k, v in values.items()
                                               if k not in {one.key for one in wrong}})
    if options.extends:
        parent = (path.parent / options.extends).resolve()
        if not parent.is_file():
            raise doc.error(f"'extends' names {options.extends!r}, which does not exist", "extends")
        return _read_chain(parent, seen + [path], problems) + [(doc, options)]
    return [(doc, options)]


def _changes(settings: Settings, doc: YamlDoc, options: _FileOptions, problems: list[ConfigError]) -> dict:
    """The settings one file changes; each mistake is appended to `problems` and its key skipped."""
    base = Path(doc.path).parent
    changes: dict[str, Any] = {"path": Path(doc.path), "root": base}
    if options.packs is not None:
        packs = []
        for index, name in enumerate(options.packs):
            try:
                packs.append(_resolve_pack(name, base, doc, index))
            except ConfigError as err:
                problems.append(err)
        changes["packs"] = tuple(packs)
    for key in ("select", "ignore", "exclude"):
        if getattr(options, key) is not None:
            changes[key] = getattr(options, key)
    if options.severity is not None:
        changes["severity"] = {**settings.severity,
                               **{rule: Severity.parse(level) for rule, level in options.severity.items()}}
    if options.fail_on is not None:
        changes["fail_on"] = Severity.parse(options.fail_on)
    if options.per_file_ignores is not None:
        changes["per_file_ignores"] = {**settings.per_file_ignores, **options.per_file_ignores}
    if options.front_matter is not None:
        allowed = ("date", "date-in", "ai-generated", "language")
        problems += [doc.error(f"unknown key {key!r} in front-matter (allowed: {', '.join(allowed)})",
                               "front-matter", key) for key in options.front_matter if key not in allowed]
        try:
            changes["front_matter"] = build_options(
                FrontMatterKeys, {k: v for k, v in options.front_matter.items() if k in allowed})
        except OptionError as err:
            problems += [doc.error(str(one), "front-matter", one.key, *one.subkeys)
                         for one in getattr(err, "errors", (err,))]
    if options.rules is not None:
        changes["rule_overrides"] = {**settings.rule_overrides,
                                     **{rule: (values, doc) for rule, values in options.rules.items()}}
    if options.unsafe_fixes is not None:
        changes["unsafe_fixes"] = (options.unsafe_fixes if isinstance(options.unsafe_fixes, bool)
                                   else frozenset(options.unsafe_fixes))
    if options.reference_date is not None:
        try:
            changes["reference_date"] = parse_date(options.reference_date,
                                                   lambda m: doc.error(m, "reference-date"))
        except ConfigError as err:
            problems.append(err)
    if options.date_path is not None:
        for index, pattern in enumerate(options.date_path):
            problem = _date_path_problem(pattern)
            if problem:
                problems.append(doc.error(f"date-path {pattern!r}: {problem}", "date-path", index))
        changes["date_path"] = options.date_path
    if options.kb is not None:
        changes["kb"] = tuple(base / entry for entry in options.kb)
    if options.docs_url is not None:
        changes["docs_url"] = options.docs_url
    if options.vocab is not None:
        folder = base / options.vocab
        if folder.is_dir():
            changes["vocab"] = folder
        else:
            problems.append(doc.error(f"'vocab' names {options.vocab!r}, which is not a folder (it holds "
                                      "accept.txt and reject.txt)", "vocab"))
    return changes


def _date_path_problem(pattern: str) -> str | None:
    """What is wrong with a `date-path` pattern, or None."""
    try:
        compiled = re.compile(pattern)
    except re.error as err:
        return f"not a regular expression ({err})"
    missing = {"year", "month"} - set(compiled.groupindex)
    if missing:
        return f"needs the named groups (?P<year>...) and (?P<month>...), and may have (?P<day>...); " \
               f"it lacks {', '.join(sorted(missing))}"
    return None


def parse_date(value: Any, error) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise error(f"{value!r} is not a date (write YYYY-MM-DD)") from None


def _resolve_pack(name: str, base: Path, doc: YamlDoc, index: int) -> Path:
    packs = builtin_packs()
    if name in packs:
        return packs[name]
    folder = (base / name).resolve()
    if not folder.is_dir():
        raise doc.error(f"pack {name!r} is neither a built-in pack ({', '.join(packs)}) nor a folder",
                        "packs", index)
    return folder


def load_rules(settings: Settings) -> tuple[Rule, ...]:
    """Every rule of the configured packs, with overrides applied; ids checked for clashes and typos."""
    rules: dict[str, Rule] = {}
    problems: list[ConfigError] = []
    for pack in settings.packs:
        try:
            loaded = load_pack(pack, settings.rule_overrides, settings.severity)
        except ConfigError as err:
            problems.append(err)
            continue
        for rule in loaded:
            if rule.id in rules or rule.id in CORE_RULES:
                other = rules[rule.id].path if rule.id in rules else "newslint's core rules"
                problems.append(ConfigError(rule.path, 1, f"rule id {rule.id!r} is already defined by {other}"))
            else:
                rules[rule.id] = rule
    # References to rules are judged only when every rule loaded: a rule file with a mistake
    # would make each mention of its id look like a typo.
    raise_all(problems)
    _check_rule_references(settings, set(rules) | set(CORE_RULES), {p.name for p in settings.packs})
    return tuple(rules.values())


def _check_rule_references(settings: Settings, known: set[str], packs: set[str]) -> None:
    problems = [doc.error(f"'rules' overrides unknown rule {rule_id!r}", "rules", rule_id)
                for rule_id, (_, doc) in settings.rule_overrides.items() if rule_id not in known]
    if settings.path is None:
        raise_all(problems)
        return
    doc = _read_config_file(settings.path)
    checks = [("select", settings.select), ("ignore", settings.ignore),
              ("severity", tuple(settings.severity)),
              *(("per-file-ignores", ids) for ids in settings.per_file_ignores.values())]
    for key, ids in checks:
        for rule_id in ids:
            if not selector_matches_any(rule_id, known, packs):
                problems.append(ConfigError(
                    settings.path, doc.line(key),
                    f"unknown rule {rule_id!r} in '{key}'{did_you_mean(rule_id, selector_names(rule_id, known, packs))}"))
    raise_all(problems)


def selector_matches_any(selector: str, known: set[str], packs: set[str]) -> bool:
    return selector == "all" or selector in packs or any(fnmatch.fnmatchcase(r, selector) for r in known)


def did_you_mean(word: str, names: set[str]) -> str:
    """` (did you mean 'x'?)` with up to three of `names` nearest to a mistyped `word`, or ""."""
    near = [repr(name) for name in difflib.get_close_matches(word, sorted(names), n=3, cutoff=0.6)]
    if not near:
        return ""
    return f" (did you mean {' or '.join(filter(None, (', '.join(near[:-1]), near[-1])))}?)"


def selector_names(selector: str, known: set[str], packs: set[str]) -> set[str]:
    """What a selector could have meant: rule ids, pack names, `all` and, for a glob, the
    id-prefix globs (`date-*`)."""
    names = known | packs | {"all"}
    if any(c in selector for c in "*?["):
        names |= {rule_id[: i + 1] + "*" for rule_id in known for i, c in enumerate(rule_id) if c == "-"}
    return names


def selects(selectors: tuple[str, ...], rule_id: str, pack: str) -> bool:
    """Whether a list of selectors (ids, globs such as `date-*`, pack names, `all`) names a rule."""
    return any(s == "all" or s == pack or fnmatch.fnmatchcase(rule_id, s) for s in selectors)


def _read_config_file(path: Path) -> YamlDoc:
    if path.name != "pyproject.toml":
        return read_yaml_file(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # the same bound as YAML config and rule files
            raise ConfigError(path, 1, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(path, 1, f"cannot read: {err}") from None
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"\(at line (\d+)", str(err))
        raise ConfigError(path, int(match.group(1)) if match else 1,
                          f"invalid TOML: {str(err).split(' (at line')[0]}") from None
    return YamlDoc(str(path), data.get("tool", {}).get("newslint"), _toml_key_lines(text))


def _has_tool_section(path: Path) -> bool:
    try:
        return re.search(r"^\s*\[tool\.newslint[\].]", path.read_text(encoding="utf-8"), re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


def _toml_key_lines(text: str) -> dict:
    """Lines of the keys under [tool.newslint], found by scanning: tomllib keeps no positions."""
    lines: dict = {}
    table: tuple | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[\s*tool\.newslint((?:\.[\w\"'-]+)*)\s*\]", line)
        if header:
            table = tuple(part.strip("\"'") for part in header.group(1).split(".") if part)
            lines.setdefault(table, number)
            continue
        if re.match(r"^\s*\[", line):
            table = None
            continue
        key = re.match(r"^\s*([\w\"'.-]+)\s*=", line)
        if key and table is not None:
            path = table + tuple(part.strip("\"'") for part in key.group(1).split("."))
            lines.setdefault(path, number)
    lines.setdefault((), 1)
    return lines
