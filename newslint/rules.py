"""Load rule files (one YAML file per rule, id = file stem) into validated Rule objects.

A rule file names its check kind with `extends`; the keys every kind shares follow Vale
(`level`, `message`, `description`, `link`, `scope`), the rest are the kind's options and are
validated by `newslint.schema` against the kind's Options dataclass. Any problem is a
ConfigError at `path:line` (all of a file's independent mistakes at once): nothing in a rule file
is silently ignored, and nothing in it runs.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError, raise_all
from .findings import Severity
from .kinds import KINDS
from .text.prose import BLOCK_KINDS
from .schema import OptionError, build_options, option_names
from .yamlfile import YamlDoc, read_yaml_file

COMMON_KEYS = ("extends", "level", "message", "description", "link", "scope", "examples", "language")
SCOPES = BLOCK_KINDS + ("front-matter",)
EXAMPLE_KEYS = ("bad", "good", "fixed")

# What Vale passes to its message's `%s` verbs, in order, for each kind that has Vale's name (a
# substitution rule's "Use '%s' instead of '%s'" names the suggestion first, then the match).
VALE_ARGUMENTS = {
    "existence": ("match",), "substitution": ("replacement", "match"), "occurrence": ("count",),
    "repetition": ("word",), "consistency": ("match",), "requires": ("match",),
    "capitalization": ("match", "expected"), "metric": ("value",), "sequence": ("match",),
}
# A Go printf verb as Vale's messages use them: `%%`, or `%`, an optional argument index `[n]`,
# flags, width, precision and a verb letter. A `%` before a space or a digit with no verb
# ("a 5% rise") is not a verb here, so plain percentages stay as written.
_PRINTF_VERB = re.compile(r"%(?:%|(\[\d+\])?([-+#0]*\d*(?:\.\d*)?)([a-zA-Z]))")


@dataclass(frozen=True)
class Examples:
    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()
    fixed: tuple[str, ...] = ()
    """The text each `bad` example becomes once its fixes are applied (same order), if given."""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: Severity
    message: str
    description: str
    link: str
    scope: tuple[str, ...]
    """Block kinds the rule reads; empty means all prose."""
    options: Any
    examples: Examples
    language: str
    """`en` (the default) or `any`: English-only rules skip articles marked as another language."""
    path: Path
    pack: str


def builtin_rules_root() -> Path:
    """The built-in packs: installed inside the package as `_rules`, or the checkout's `rules/`.

    A plain path rather than importlib.resources: `_rules` is data, not a package, and an
    editable install maps the checkout where no `newslint/_rules` folder exists.
    """
    installed = Path(__file__).resolve().parent / "_rules"
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "rules"


def builtin_packs() -> dict[str, Path]:
    root = builtin_rules_root()
    return {p.name: p for p in sorted(root.iterdir()) if p.is_dir() and p.name != "data"} if root.is_dir() else {}


def data_dir_for(pack_dir: Path) -> Path:
    """A pack's data files live in its own `data/` folder, or in a `data/` folder beside it."""
    own = pack_dir / "data"
    return own if own.is_dir() else pack_dir.parent / "data"


def rule_files(pack_dir: Path) -> list[Path]:
    return sorted(p for p in pack_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_pack(pack_dir: Path, overrides: Mapping[str, tuple[Mapping, YamlDoc]] | None = None,
              severity: Mapping[str, Severity] | None = None) -> list[Rule]:
    """Every rule of a pack; the mistakes of all its files are reported together (ConfigErrors)."""
    rules, problems = [], []
    for path in rule_files(pack_dir):
        try:
            rules.append(load_rule(path, pack_dir.name, data_dir_for(pack_dir), overrides, severity))
        except ConfigError as err:
            problems.append(err)
    raise_all(problems)
    return rules


def load_rule(path: Path, pack: str, data_dir: Path,
              overrides: Mapping[str, tuple[Mapping, YamlDoc]] | None = None,
              severity: Mapping[str, Severity] | None = None) -> Rule:
    """Read and validate one rule file, with the config's overrides for it merged over it.

    Every independent mistake is collected, so a rule file with three is fixed in one round
    (ConfigErrors, sorted by line); a check that needs an earlier part to be right (the options
    need a known kind) waits for it.
    """
    doc = read_yaml_file(path)
    rule_id = path.stem
    raw = doc.data
    if not isinstance(raw, dict):
        raise doc.error("a rule file must be a mapping of keys such as 'extends' and 'message'")
    override, override_doc = (overrides or {}).get(rule_id, ({}, None))
    problems: list[ConfigError] = []

    def fail(message: str, key: str, *subkeys: object) -> None:
        """An error at the line that set `key`: the config override if it did, else the rule file."""
        if key in override and override_doc is not None:
            problems.append(override_doc.error(message, "rules", rule_id, key, *subkeys))
        else:
            problems.append(doc.error(message, key, *subkeys))

    if "extends" in override:
        fail("'extends' cannot be overridden in config", "extends")
    merged = {**raw, **override}
    kind_name = merged.get("extends")
    kind = KINDS.get(kind_name) if isinstance(kind_name, str) else None
    if kind_name is None:
        problems.append(doc.error("missing 'extends' (the check kind, e.g. existence)"))
    elif kind is None:
        fail(f"unknown check kind {kind_name!r} (known: {', '.join(sorted(KINDS))})", "extends")
    if kind is not None:
        allowed = set(COMMON_KEYS) | set(option_names(kind.Options))
        for key in merged:
            if key not in allowed:
                fail(f"unknown key {key!r} for kind '{kind_name}' (allowed: {', '.join(sorted(allowed))})",
                     str(key))

    level = Severity.WARNING
    try:
        level = Severity.parse(str(merged.get("level", "warning")))
    except ValueError as err:
        fail(str(err), "level")
    if severity and rule_id in severity:
        level = severity[rule_id]

    message = merged.get("message")
    if not isinstance(message, str) or not message.strip():
        fail("'message' must be a non-empty text", "message")
    elif kind is not None:
        message, problem = vale_message(message, kind_name)
        problem = problem or placeholder_problem(message, kind.PLACEHOLDERS)
        if problem:
            fail(problem, "message")

    for key in ("description", "link"):
        if key in merged and not isinstance(merged[key], str):
            fail(f"'{key}' must be text", key)

    scope = merged.get("scope", [])
    if isinstance(scope, str):
        scope = [scope]
    if not isinstance(scope, list):
        fail("'scope' must be a list of block kinds", "scope")
        scope = []
    for index, item in enumerate(scope):
        if item not in SCOPES:
            fail(f"unknown scope {item!r} (known: {', '.join(SCOPES)})", "scope", index)

    language = merged.get("language", "en")
    if language not in ("en", "any"):
        fail("'language' must be 'en' or 'any'", "language")

    options = None
    if kind is not None:
        option_raw = {k: v for k, v in merged.items() if k not in COMMON_KEYS and k in allowed}
        try:
            options = build_options(kind.Options, option_raw, data_dir)
        except OptionError as err:
            for one in getattr(err, "errors", (err,)):
                # A problem of the options together (their joined pattern) has no key of its own:
                # blame the config's override when it changed an option, since the built-in file
                # loads alone.
                key = one.key or next((k for k in override if k in option_raw), "extends")
                fail(str(one), key, *one.subkeys)

    examples = read_examples(merged.get("examples"))
    if isinstance(examples, tuple):
        message_text, *keys = examples
        fail(message_text, "examples", *keys)

    raise_all(problems)
    assert isinstance(message, str) and isinstance(examples, Examples)
    return Rule(
        id=rule_id,
        kind=kind_name,
        severity=level,
        message=message.strip(),
        description=str(merged.get("description", "")).strip(),
        link=str(merged.get("link", "")),
        scope=tuple(scope),
        options=options,
        examples=examples,
        language=language,
        path=path,
        pack=pack,
    )


def vale_message(message: str, kind_name: str) -> tuple[str, str | None]:
    """A message written with Vale's printf verbs, as a newslint template, or why it cannot be.

    `%s` is the kind's next Vale argument (VALE_ARGUMENTS), `%[n]s` the n-th, `%%` a percent
    sign; a message with such verbs is Vale's, so its braces are literal. Any other verb (`%d`,
    `%v`, `%5s`) would print Go's garbage in Vale and has no meaning here: it is refused.
    A message with no verb is returned as it is.
    """
    verbs = list(_PRINTF_VERB.finditer(message))
    if not verbs:
        return message, None
    arguments = VALE_ARGUMENTS.get(kind_name, ())
    pieces, end, next_argument = [], 0, 0
    for verb in verbs:
        pieces.append(message[end:verb.start()].replace("{", "{{").replace("}", "}}"))
        end = verb.end()
        if verb.group() == "%%":
            pieces.append("%")
            continue
        index, flags, letter = verb.groups()
        if letter != "s" or flags:
            return message, (f"printf verb {verb.group()!r} in message: Vale's messages fill only '%s' "
                             f"(and '%[n]s'); write a placeholder such as {{match}} instead")
        position = int(index[1:-1]) - 1 if index else next_argument
        next_argument = position + 1
        if not arguments:
            return message, (f"'%s' in message: kind '{kind_name}' is not one of Vale's, so '%s' means "
                             "nothing here; write its placeholders (such as {match}) instead")
        if not 0 <= position < len(arguments):
            offered = ", ".join(f"{{{name}}}" for name in arguments)
            return message, (f"{verb.group()!r} in message: a Vale {kind_name} rule fills {len(arguments)} "
                             f"'%s' ({offered}, in that order); there is no argument {position + 1}")
        pieces.append("{" + arguments[position] + "}")
    pieces.append(message[end:].replace("{", "{{").replace("}", "}}"))
    return "".join(pieces), None


def placeholder_problem(message: str, known: tuple[str, ...]) -> str | None:
    """Why a message template is unusable, or None. Only plain `{name}` fields are allowed."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message)
                  if name is not None]
    except ValueError as err:
        return f"bad message template: {err} (write a literal brace as '{{{{' or '}}}}')"
    for name, spec, conversion in fields:
        if name in known and (spec or conversion):
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            return (f"placeholder {written} in message: format specs and conversions are not supported; "
                    f"write {{{name}}}")
        if name not in known:
            offered = ", ".join("{" + k + "}" for k in known)
            return f"unknown placeholder {{{name}}} in message (this kind offers {offered})"
    return None


def read_examples(raw: Any) -> Examples | tuple:
    """The rule's examples, or (problem, key...) saying what is wrong with them."""
    if raw is None:
        return Examples()
    if not isinstance(raw, dict):
        return ("'examples' must be a mapping with 'bad' and 'good' lists",)
    values = {}
    for key, items in raw.items():
        if key not in EXAMPLE_KEYS:
            return (f"unknown key {key!r} in examples (allowed: bad, good, fixed)", key)
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            return (f"'examples.{key}' must be a list of texts", key)
        values[key] = tuple(items)
    examples = Examples(**values)
    if examples.fixed and len(examples.fixed) != len(examples.bad):
        return ("'examples.fixed' must have one text per 'bad' example", "fixed")
    return examples
