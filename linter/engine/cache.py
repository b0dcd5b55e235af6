"""Findings of unchanged files, kept between runs, as ruff keeps them.

A cache file holds, for each linted file (by absolute path), the hash of the
contents that were linted and what linting them gave. It is named by a hash of
everything else a file's findings depend on: the garblint version, the
effective configuration (after the command-line options) and the plugins
with the code and data files beside them. So a file is linted again when its
text, its configuration, a plugin or garblint changes, and a file whose
findings depend on something outside it (a rule marked ``cacheable = False``,
such as the LanguageTool one) is never cached.

Cache files live in ``.garblint_cache/`` at the project root (the folder of
the configuration file that governs the working folder, else the working
folder), which holds a
``.gitignore`` so that git leaves it alone, or in ``$GARBLINT_CACHE_DIR``.
They are replaced atomically; one that cannot be read is ignored.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, fields
from pathlib import Path

from garblint.linter import __version__
from garblint.linter.engine.atomic import write_atomically
from garblint.linter.engine.findings import Finding

CACHE_FOLDER = ".garblint_cache"
ENVIRONMENT = "GARBLINT_CACHE_DIR"
# Configuration fields that never change a file's findings (which files are
# linted, the exit code, where settings came from; standard input is not cached).
_NOT_FINDINGS = {"origins", "extensions", "exclude", "fail_on"}


def cache_folder(project_root: Path) -> Path:
    """$GARBLINT_CACHE_DIR, else .garblint_cache/ in the project root."""
    override = os.environ.get(ENVIRONMENT)
    return Path(override) if override else Path(project_root) / CACHE_FOLDER


def settings_key(linter) -> str:
    """A stable hash of everything besides a file's name and text that decides its findings."""
    config = linter.config
    settings = {f.name: getattr(config, f.name) for f in fields(config) if f.name not in _NOT_FINDINGS}
    settings["root"] = str(config.root)
    settings["want_readability"] = linter.options.want_readability  # cached results carry readability or not
    plugins = []
    folders = set()
    for name, plugin in sorted(linter.manager.list_name_plugin(), key=lambda item: item[0]):
        source = getattr(plugin, "__file__", None)
        plugins.append((name, _stat(source) if source else None))
        if source and os.path.isfile(os.path.join(os.path.dirname(source), "__init__.py")):
            folders.add(os.path.dirname(source))
    # A plugin package's word lists and data decide findings as much as its code does.
    data = [_stat(os.path.join(folder, entry)) for folder in sorted(folders)
            for sub in ("", "data") for entry in _listing(os.path.join(folder, sub), sub)]
    from garblint.linter.engine.corpus import digest

    # Findings of corpus rules depend on the other files of the run too.
    corpus = digest(getattr(linter, "corpus_state", None) or {})
    payload = json.dumps([__version__, settings, plugins, data] + ([corpus] if corpus else []), sort_keys=True, default=str)
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=16).hexdigest()


def _listing(folder: str, prefix: str) -> list[str]:
    try:
        return sorted(os.path.join(prefix, entry.name) for entry in os.scandir(folder)
                      if entry.is_file() and not entry.name.endswith(".pyc"))
    except OSError:
        return []


def _stat(path: str) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return (path, None)
    return (path, st.st_size, st.st_mtime_ns)


def cacheable(linter) -> bool:
    return all(getattr(type(rule), "cacheable", True) for rule in linter.rules)


class ResultCache:
    """The cached results of one configuration, loaded once and saved once per run."""

    def __init__(self, linter, folder: Path):
        self.folder = Path(folder) / __version__
        self.path = self.folder / f"{settings_key(linter)}.json"
        self.entries: dict[str, list] = self._load()
        self.changed = False

    def _load(self) -> dict[str, list]:
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return {}  # none yet, or unreadable: lint everything again
        entries = data.get("files") if isinstance(data, dict) else None
        return entries if isinstance(entries, dict) else {}

    def get(self, path: str, keep_text: bool):
        """The cached FileResult of ``path`` if its contents are what was linted, else None."""
        from garblint.linter.engine.runner import FileResult, InputError, read_stamped

        entry = self.entries.get(os.path.abspath(path))
        if entry is None:
            return None
        try:
            text, stamp = read_stamped(path)
        except InputError:
            return None  # linting it will say what is wrong
        try:
            digest, stored = entry
            if digest != stamp.digest:
                return None
            findings = [Finding(**finding, path=path) for finding in stored["findings"]]
            result = FileResult(path, findings=findings, words=stored["words"], sentences=stored["sentences"],
                                readability=stored["readability"])
        except (TypeError, ValueError, KeyError):
            return None  # an entry of another shape: lint the file again
        result.stamp = stamp
        result.text = text if keep_text else None
        return result

    def put(self, path: str, result) -> None:
        """Remember a result; one with an error or notes (what could not be linted as asked) is not kept."""
        if result.error or result.notes or result.stamp is None:
            return
        findings = []
        for finding in result.findings:
            row = asdict(finding)
            del row["path"]
            findings.append(row)
        self.entries[os.path.abspath(path)] = [result.stamp.digest, {
            "findings": findings, "words": result.words, "sentences": result.sentences, "readability": result.readability,
        }]
        self.changed = True

    def save(self) -> str | None:
        """Write the cache atomically, dropping files that are gone; the reason if it cannot be written."""
        if not self.changed:
            return None
        entries = {path: entry for path, entry in self.entries.items() if os.path.exists(path)}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _mark_cache_folder(self.folder.parent)

            def write(path: str) -> None:
                with open(path, "w", encoding="utf-8") as stream:
                    json.dump({"version": __version__, "files": entries}, stream, separators=(",", ":"))

            write_atomically(self.path, write, prefix=".tmp-", suffix=".json")
        except OSError as exc:
            return f"cannot write the cache in {self.folder}: {exc.strerror or exc}"
        return None


def _mark_cache_folder(folder: Path) -> None:
    """A .gitignore that keeps the folder out of git, and the tag backup tools know, as ruff writes them."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Automatically created by garblint.\n*\n", encoding="utf-8")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                       "# This file is a cache directory tag created by garblint.\n", encoding="utf-8")
