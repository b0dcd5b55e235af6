"""Configuration: the embedded default, a project's file, and validation.

Precedence, lowest first: the embedded ``config.yaml``; the project's
``.garblint.yaml`` (or ``[tool.garblint]`` in ``pyproject.toml``) found by
walking up from the linted path, or the file given with ``--config``; the
command-line options. ``rules`` merge per rule; other keys replace.
"""
from __future__ import annotations

import copy
import fnmatch
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from garblint.linter.engine.findings import SEVERITIES

# libyaml's parser when available: configuration is read on every run.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PROJECT_FILES = (".garblint.yaml", ".garblint.yml", "pyproject.toml")


class ConfigError(Exception):
    """An invalid configuration; the message names the file, line and key."""


# Top-level keys and a check for each: (description, predicate).
def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_KEYS = {
    "extensions": ("a list of file extensions such as [.txt, .md]", _is_str_list),
    "exclude": ("a list of path globs", _is_str_list),
    "select": ("a list of rule codes, names or families", _is_str_list),
    "ignore": ("a list of rule codes, names or families", _is_str_list),
    "extend-select": ("a list of rule codes, names or families", _is_str_list),
    "fail-on": (f"one of {', '.join(SEVERITIES)} or never", lambda v: v in SEVERITIES or v == "never"),
    "min-severity": (f"one of {', '.join(SEVERITIES)}", lambda v: v in SEVERITIES),
    "per-file-ignores": (
        "a mapping of path glob to a list of rules",
        lambda v: isinstance(v, dict) and all(isinstance(k, str) and _is_str_list(x) for k, x in v.items()),
    ),
    "plugins": ("a list of module paths", _is_str_list),
    "rules": ("a mapping of rule name to its settings", lambda v: isinstance(v, dict)),
    "source-language": ("a language code such as fr or de", lambda v: v is None or isinstance(v, str)),
    "rule-time-budget": (
        "a number of seconds per MB (0 for no limit)",
        lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0,
    ),
    "document-time-budget": (
        "a number of seconds per MB (0 for no limit)",
        lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0,
    ),
}


@dataclass(frozen=True)
class RunOptions:
    """How one run lints, as the command line asks; never read from a configuration file."""

    stdin_format: str = "text"  # "markdown" when --stdin-filename names a Markdown file
    want_readability: bool = False  # --stats or --sort-by readability


@dataclass
class Config:
    extensions: list[str] = field(default_factory=lambda: [".txt", ".md", ".markdown"])
    exclude: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    fail_on: str = "error"
    min_severity: str = "info"
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    plugins: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    source_language: str | None = None
    rule_time_budget: float = 2.0  # seconds per MB of text, and at least this many per document
    document_time_budget: float = 1.0  # all rules together, likewise
    # Where each setting came from, for error messages: key path -> "file:line".
    origins: dict[str, str] = field(default_factory=dict)
    root: Path | None = None  # folder of the project config, for relative globs

    def origin(self, *keys: str) -> str:
        return self.origins.get(".".join(keys)) or self.origins.get(keys[0], "configuration")

    def _relative_to_root(self, path: Path) -> set[str]:
        """``path`` relative to the project root, for globs written from there (none if outside it)."""
        if self.root is None:
            return set()
        try:
            return {path.resolve().relative_to(self.root.resolve()).as_posix()}
        except (ValueError, OSError, RuntimeError):  # outside the root, or a symbolic link loop
            return set()

    def ignored_for(self, path: str) -> list[str]:
        """Rules the per-file-ignores switch off for ``path``."""
        result: list[str] = []
        candidates = {path, Path(path).name} | self._relative_to_root(Path(path))
        for pattern, rules in self.per_file_ignores.items():
            if any(fnmatch.fnmatch(c, pattern) for c in candidates):
                result.extend(rules)
        return result

    def is_excluded(self, path: Path) -> bool:
        if not self.exclude:
            return False
        candidates = {path.as_posix(), path.name} | self._relative_to_root(path)
        return any(fnmatch.fnmatch(c, pattern) or fnmatch.fnmatch(c, pattern.rstrip("/") + "/*")
                   for c in candidates for pattern in self.exclude)


# -- reading -----------------------------------------------------------------

def _yaml_with_lines(text: str, source: str) -> tuple[Any, dict[str, int]]:
    """Parse YAML and record the line of every mapping key (as dotted paths)."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, source) from None
    lines: dict[str, int] = {}

    def walk(n, prefix: str) -> None:
        if isinstance(n, yaml.MappingNode):
            for key_node, value_node in n.value:
                key = str(key_node.value)
                path = f"{prefix}.{key}" if prefix else key
                lines[path] = key_node.start_mark.line + 1
                walk(value_node, path)
        elif isinstance(n, yaml.SequenceNode):  # list items too: an unknown selector is named by its own line
            for index, item in enumerate(n.value):
                lines[f"{prefix}.{index}"] = item.start_mark.line + 1
                walk(item, f"{prefix}.{index}")

    if node is not None:
        walk(node, "")
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:  # composed, but not constructible: unknown tags, unhashable keys
        raise _yaml_error(exc, source) from None
    return data, lines


def _yaml_error(exc: yaml.YAMLError, source: str) -> ConfigError:
    """One line: the file, the line of the problem, and what it is."""
    mark = getattr(exc, "problem_mark", None)
    where = f"{source}:{mark.line + 1}" if mark else source
    problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
    return ConfigError(f"{where}: invalid YAML: {problem}")


def _toml_lines(text: str, data: dict) -> dict[str, int]:
    """Best-effort line numbers for keys in [tool.garblint] tables."""
    lines: dict[str, int] = {}
    section = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.match(r"\[\s*tool\.garblint(?:\.([^\]]+))?\s*\]", stripped)
        if header:
            section = header.group(1) or ""
            if section:
                lines[section.strip().replace('"', "")] = number
            continue
        if stripped.startswith("["):
            section = None
            continue
        if section is None:
            continue
        key = re.match(r"([A-Za-z0-9_\-\"']+)\s*=", stripped)
        if key:
            name = key.group(1).strip("\"'")
            path = f"{section}.{name}" if section else name
            lines.setdefault(path.replace('"', ""), number)
    return lines


def read_config_file(path: Path) -> tuple[dict, dict[str, str]]:
    """The settings in one config file, with their origins ("file:line")."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{source}: not valid UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read configuration: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        data = _pyproject_table(text, source) or {}
        lines = _toml_lines(text, data)
    else:
        data, lines = _yaml_with_lines(text, source)
        if data is None:
            data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}:1: the configuration must be a mapping of keys to values")
    origins = {key: f"{source}:{line}" for key, line in lines.items()}
    for key in data:
        origins.setdefault(key, source)
    return data, origins


def default_config_text() -> str:
    return resources.files("garblint.linter").joinpath("config.yaml").read_text(encoding="utf-8")


def _parse_toml(text: str, source: str) -> dict:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: invalid TOML: {exc}") from None


def _garblint_table(document: dict, text: str, source: str) -> dict | None:
    """The [tool.garblint] table of a parsed pyproject.toml, or None when it has none."""
    tool = document.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"{source}:{_toml_key_line(text, 'tool')}: 'tool' must be a table, not {tool!r}")
    table = tool.get("garblint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{source}:{_toml_key_line(text, 'garblint')}: "
                          f"[tool.garblint] must be a table of settings, not {table!r}")
    return table


def _pyproject_table(text: str, source: str) -> dict | None:
    return _garblint_table(_parse_toml(text, source), text, source)


def _toml_key_line(text: str, key: str) -> int:
    """The first line assigning ``key`` (or ``tool.key``), for messages; 1 if none is found."""
    pattern = re.compile(rf"[ \t]*(?:tool[ \t]*\.[ \t]*)?[\"']?{re.escape(key)}[\"']?[ \t]*=")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return 1


_ASSIGNS_TOOL = re.compile(r"^[ \t]*tool[ \t]*=", re.MULTILINE)


def has_garblint_table(path: Path) -> bool:
    """Whether a pyproject.toml configures garblint (raising ConfigError if it tries and fails).

    A file that does not mention garblint is another tool's and is not parsed,
    unless it assigns 'tool' itself, which breaks every tool's table.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    mentions = "garblint" in text
    if not mentions and not _ASSIGNS_TOOL.search(text):
        return False
    try:
        document = _parse_toml(text, str(path))
    except ConfigError:
        if mentions:
            raise
        return False  # another tool's broken file
    return _garblint_table(document, text, str(path)) is not None


def _config_in(folder: Path) -> Path | None:
    """The configuration file a folder holds, if any (in PROJECT_FILES order)."""
    for name in PROJECT_FILES:
        candidate = folder / name
        if candidate.is_file():
            if name == "pyproject.toml" and not has_garblint_table(candidate):
                continue
            return candidate
    return None


def find_project_config(start: Path, memo: dict | None = None) -> Path | None:
    """The nearest .garblint.yaml or pyproject.toml with [tool.garblint], walking up.

    ``memo`` keeps each folder's answer, so that many files of one tree cost
    one walk.
    """
    start = Path(start).absolute()
    folder = start if start.is_dir() else start.parent
    try:
        folder = folder.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop: its own path names its folders
        pass
    walked = []
    found = None
    for candidate_dir in (folder, *folder.parents):
        if memo is not None and candidate_dir in memo:
            found = memo[candidate_dir]
            break
        walked.append(candidate_dir)
        found = _config_in(candidate_dir)
        if found is not None:
            break
    if memo is not None:
        memo.update((candidate_dir, found) for candidate_dir in walked)
    return found


# -- building ----------------------------------------------------------------

def _validate(data: dict, origins: dict[str, str]) -> None:
    for key, value in data.items():
        where = origins.get(key, "configuration")
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{where}: unknown key '{key}' (known keys: {known})")
        description, check = _KEYS[key]
        if not check(value):
            raise ConfigError(f"{where}: key '{key}' must be {description}, not {value!r}")
    for name, settings in (data.get("rules") or {}).items():
        where = origins.get(f"rules.{name}", origins.get("rules", "configuration"))
        if not isinstance(name, str):
            raise ConfigError(f"{where}: key 'rules.{name}': a rule is named by its code or name, in text")
        if settings is None:
            continue
        if not isinstance(settings, dict):
            raise ConfigError(f"{where}: key 'rules.{name}' must be a mapping of settings, not {settings!r}")
        if settings.get("severity") is False:
            settings["severity"] = "off"  # YAML reads an unquoted 'off' as false
        enabled = settings.get("enabled")
        if enabled is not None and not isinstance(enabled, bool):
            where = origins.get(f"rules.{name}.enabled", where)
            raise ConfigError(f"{where}: key 'rules.{name}.enabled' must be true or false, not {enabled!r}")
        severity = settings.get("severity")
        if severity is not None and severity not in SEVERITIES + ("off",):
            where = origins.get(f"rules.{name}.severity", where)
            raise ConfigError(
                f"{where}: key 'rules.{name}.severity' must be one of {', '.join(SEVERITIES)} or off, not {severity!r}"
            )


def apply_settings(config: Config, data: dict, origins: dict[str, str]) -> None:
    """Validate ``data`` and lay it over ``config`` (rules merge per rule)."""
    _validate(data, origins)
    for key, value in data.items():
        if key == "rules":
            for name, settings in (value or {}).items():
                merged = config.rules.setdefault(name, {})
                merged.update(settings or {})
        else:
            setattr(config, key.replace("-", "_"), copy.deepcopy(value))
    config.origins.update(origins)


def built_in_config() -> Config:
    """The embedded default configuration alone."""
    config = Config()
    data, lines = _yaml_with_lines(default_config_text(), "config.yaml (built-in)")
    apply_settings(config, data, {k: f"config.yaml (built-in):{v}" for k, v in lines.items()})
    return config


def config_from(project: Path | None, base: Config | None = None) -> Config:
    """The default (or a copy of ``base``) with the settings of ``project`` laid over it."""
    config = copy.deepcopy(base) if base is not None else built_in_config()
    if project is not None:
        data, origins = read_config_file(project)
        apply_settings(config, data, origins)
        config.root = project.resolve().parent
    else:
        config.root = Path.cwd()
    return config


def _explicit_file(config_file: str) -> Path:
    project = Path(config_file)
    if not project.is_file():
        raise ConfigError(f"{config_file}: configuration file not found")
    return project


def load_config(
    paths: list[str] | None = None,
    config_file: str | None = None,
    use_project_config: bool = True,
) -> Config:
    """The effective configuration for linting ``paths`` (the one found from the first)."""
    project: Path | None = None
    if config_file:
        project = _explicit_file(config_file)
    elif use_project_config:
        start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
        if not start.exists():
            start = Path.cwd()
        project = find_project_config(start)
    return config_from(project)


class ConfigResolver:
    """The configuration of each linted path, as ruff finds it: the nearest project file
    walking up from the path, or for every path the one ``config_file`` names.

    Each configuration file is read once; ``adjust`` lays the command-line
    options over each configuration as it is made.
    """

    def __init__(self, config_file: str | None = None, use_project_config: bool = True, adjust=None):
        self.fixed = _explicit_file(config_file) if config_file else None
        self.use_project_config = use_project_config
        self.adjust = adjust
        self._base: Config | None = None
        self._file_of_folder: dict[Path, Path | None] = {}
        self._configs: dict[Path | None, Config] = {}

    def config_file_for(self, path: str | Path) -> Path | None:
        """The configuration file that governs ``path`` (None: the built-in default)."""
        if self.fixed is not None:
            return self.fixed
        if not self.use_project_config:
            return None
        return find_project_config(Path.cwd() if str(path) == "-" else Path(path), self._file_of_folder)

    def for_file(self, project: Path | None) -> Config:
        """The configuration ``project`` (None: the built-in default) gives, command-line options applied."""
        if project not in self._configs:
            if self._base is None:
                self._base = built_in_config()
            config = config_from(project, self._base)
            if self.adjust is not None:
                self.adjust(config)
            self._configs[project] = config
        return self._configs[project]


def check_rule_settings(config: Config, rule_classes: list) -> None:
    """Reject settings for unknown rules and options of the wrong type."""
    by_key = {}
    for cls in rule_classes:
        by_key[cls.name] = cls
        by_key[cls.code] = cls
    for name, settings in config.rules.items():
        where = config.origin("rules", name)
        cls = by_key.get(name)
        if cls is None:
            raise ConfigError(f"{where}: key 'rules.{name}': no rule has this name or code (see 'garblint rule')")
        for option, value in (settings or {}).items():
            if option in ("severity", "enabled"):
                continue
            if option not in cls.default_options:
                known = ", ".join(sorted(cls.default_options)) or "none"
                raise ConfigError(
                    f"{config.origin('rules', name, option)}: key 'rules.{name}.{option}': "
                    f"unknown option (options of {cls.name}: {known})"
                )
            default = cls.default_options[option]
            if default is not None and not _same_kind(default, value):
                raise ConfigError(
                    f"{config.origin('rules', name, option)}: key 'rules.{name}.{option}' must be "
                    f"{type(default).__name__}, not {value!r}"
                )


SELECTOR_KEYS = ("select", "extend-select", "ignore")


def check_selectors(config: Config, rule_classes: list) -> None:
    """Reject a select, extend-select, ignore or per-file-ignores entry that names no rule.

    The error names the entry, where it came from (an option or file:line) and
    the nearest rule or family.
    """
    lists = [(key, getattr(config, key.replace("-", "_"))) for key in SELECTOR_KEYS]
    lists += [(f"per-file-ignores.{glob}", rules) for glob, rules in config.per_file_ignores.items()]
    for key, selectors in lists:
        for index, selector in enumerate(selectors):
            if not any(cls.matches(selector) for cls in rule_classes):
                where = config.origins.get(f"{key}.{index}") or config.origin(*key.split(".", 1))
                # An option names itself; a file's line is told which key it holds.
                label = where if where.startswith("--") else f"{where}: {key}"
                raise ConfigError(f"{label}: {unknown_selector(selector, rule_classes)}")


def unknown_selector(selector: str, rule_classes: list) -> str:
    """What to say of a selector that names no rule: it, and the nearest code, name or family."""
    import difflib

    candidates: dict[str, str] = {"all": "ALL"}
    for cls in rule_classes:
        for candidate in (cls.code, cls.name, cls.family):
            candidates.setdefault(candidate.lower(), candidate)
    wanted = selector.strip().lower()

    def closeness(candidate: str) -> tuple[float, int]:
        # Ties (GL1O1 is as close to GL211 as to GL101) go to the longer common start.
        shared = len(os.path.commonprefix([wanted, candidate]))
        return difflib.SequenceMatcher(None, wanted, candidate).ratio(), shared

    best = max(candidates, key=closeness)
    hint = f"did you mean '{candidates[best]}'?" if closeness(best)[0] >= 0.6 else "run 'garblint rule' for the rules"
    return f"no rule, code prefix or family is named '{selector}' ({hint})"


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))
