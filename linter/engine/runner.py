"""The runner: files -> documents -> rules -> findings -> filters.

Filters run in a fixed order after the rules: inline suppressions, per-file
ignores, the minimum severity, then (in the CLI) the baseline.
"""
from __future__ import annotations

import errno
import gc
import hashlib
import os
import stat
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from garblint.linter.engine.config import Config, RunOptions
from garblint.linter.engine.document import Document
from garblint.linter.engine.segment import HIDDEN, Block
from garblint.linter.engine.findings import Finding, severity_rank
from garblint.linter.engine.fixes import SourceStamp
from garblint.linter.engine.config import check_rule_settings, check_selectors, unknown_selector
from garblint.linter.engine.plugins import all_rule_classes, plugin_manager, selected_rules
from garblint.linter.engine.rule import selector_matches

# Documents above this size are linted in chunks cut at paragraph breaks, so
# memory stays bounded; rules see each chunk as a document.
CHUNK_CHARS = 400_000
# Folders a walk never enters, as ruff's default exclusions: build output,
# virtual environments, installed packages, caches.
SKIPPED_DIRS = {"build", "dist", ".venv", "venv", ".tox", "site-packages", "node_modules", "__pycache__"}


class InputError(Exception):
    """A file or path that cannot be linted; the message is one line."""


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    words: int = 0
    sentences: int = 0
    text: str | None = None  # kept only when a reporter needs source lines
    readability: dict | None = None  # textstat measures, with --stats
    notes: list[str] = field(default_factory=list)  # what could not be linted as asked, one line each
    stamp: SourceStamp | None = None  # the file as read, so --fix can tell whether it changed since


# -- reading -------------------------------------------------------------------

def decode(data: bytes, path: str) -> str:
    if b"\0" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid UTF-8 at byte {exc.start}") from None


def read_source(path: str) -> str:
    return read_stamped(path)[0]


def read_stamped(path: str) -> tuple[str, SourceStamp | None]:
    """A file's text and what it was when read (``None`` for standard input)."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>"), None
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: is a directory")
        if not stat.S_ISREG(st.st_mode):
            # Opening a FIFO would wait for a writer forever.
            raise InputError(f"{path}: not a regular file ({_file_kind(st.st_mode)})")
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{path}: symbolic link loop") from None
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, path), SourceStamp.of(path, data, st)


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "a special file"


def collect_files(paths: list[str], config, notes: list[str] | None = None, *, force_exclude: bool = False,
                  respect_gitignore: bool = True) -> tuple[list[str], list[str]]:
    """The files to lint under ``paths`` (in a stable order) and the path errors.

    ``config`` is a Config, or a function giving the Config of a path: a
    folder walk then takes each folder's extensions and exclusions from its
    own configuration. A walk passes over hidden entries, the usual build and
    environment folders (``SKIPPED_DIRS``, any folder holding ``pyvenv.cfg``),
    what ``exclude`` matches and, unless ``respect_gitignore`` is false, what
    git ignores. A path named on the command line is linted whatever
    ``exclude`` says, as ruff does, unless ``force_exclude`` is true: it is
    then left out quietly. A walk takes regular files only; what it passes
    over for another reason than its name (a FIFO, a socket) is added to ``notes``.
    """
    config_for = config if callable(config) else (lambda _path: config)
    files: list[str] = []
    errors: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        path = Path(raw)
        try:
            path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                errors.append(f"{raw}: broken symbolic link")
            else:
                errors.append(f"{raw}: no such file or directory")
            continue
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                errors.append(f"{raw}: symbolic link loop")
            else:
                errors.append(f"{raw}: {exc.strerror or exc}")
            continue
        if force_exclude and _force_excluded(path, config_for(raw)):
            continue
        if path.is_dir():
            found = _walk(path, config_for, errors, notes, respect_gitignore)
            if not found:
                errors.append(f"{raw}: no lintable files (extensions: {', '.join(_extensions(config_for(raw)))}; "
                              "exclusions and .gitignore apply)")
            files.extend(found)
        else:
            files.append(raw)
    return files, errors


def _walk(root: Path, config_for, errors: list[str], notes: list[str] | None, respect_gitignore: bool) -> list[str]:
    gitignore = None
    if respect_gitignore:
        from garblint.linter.engine.gitignore import GitIgnore

        gitignore = GitIgnore(root)
    found = []
    for folder, dirnames, filenames in os.walk(root, onerror=None):
        here = config_for(folder)
        extensions = _extensions(here)
        dirnames[:] = sorted(
            d for d in dirnames
            if not _skipped_folder(Path(folder, d)) and not here.is_excluded(Path(folder, d))
            and not (gitignore and gitignore.ignored(Path(folder, d), is_dir=True))
        )
        for name in sorted(filenames):
            candidate = Path(folder, name)
            if name.startswith(".") or not name.lower().endswith(extensions):
                continue
            if here.is_excluded(candidate) or (gitignore and gitignore.ignored(candidate)):
                continue
            try:
                mode = candidate.stat().st_mode
            except OSError as exc:
                errors.append(f"{candidate}: {exc.strerror or exc}")
                continue
            if not stat.S_ISREG(mode):
                if notes is not None:
                    notes.append(f"{candidate}: skipped, not a regular file ({_file_kind(mode)})")
                continue
            found.append(str(candidate))
    return found


def _skipped_folder(folder: Path) -> bool:
    """Hidden folders, build output and environments: never walked into."""
    return folder.name.startswith(".") or _build_or_environment(folder)


def _build_or_environment(folder: Path) -> bool:
    return folder.name in SKIPPED_DIRS or (folder / "pyvenv.cfg").is_file()


def _force_excluded(path: Path, config: Config) -> bool:
    """Whether --force-exclude leaves out a named path: ``exclude`` matches it or a
    folder it lies in below the project's root, or that folder is build output or
    an environment (``SKIPPED_DIRS``)."""
    if config.is_excluded(path):
        return True
    absolute = path.absolute()
    root = (config.root or Path.cwd()).absolute()
    if root not in absolute.parents:
        return False
    for folder in absolute.parents:
        if folder == root:
            return False
        if _build_or_environment(folder) or config.is_excluded(folder):
            return True
    return False


def _extensions(config: Config) -> tuple[str, ...]:
    return tuple(e.lower() if e.startswith(".") else "." + e.lower() for e in config.extensions)


# -- linting -------------------------------------------------------------------

def time_budget(config: Config, characters: int, per_mb: float | None = None) -> float | None:
    """Seconds each rule (or, given ``per_mb``, all rules) may spend on a document of
    ``characters`` characters (None: no limit)."""
    per_mb = config.rule_time_budget if per_mb is None else per_mb
    if not per_mb:
        return None
    return max(per_mb, per_mb * characters / 1_000_000)


# A text where every word is a finding is not prose; past this many findings of
# one rule in one document the rest are not worth their cost, nor a reader's time.
MAX_FINDINGS_PER_RULE = 1000

# A rule that waits (for a server, a lock) uses no CPU time; it is stopped when
# its wall-clock time reaches this many times its budget.
WAITING_FACTOR = 10


def run_rule(rule, doc: Document, seconds_left: float | None,
             findings_left: int | None = None) -> tuple[list[Finding], float, bool]:
    """A rule's findings on ``doc``, the CPU seconds it took, and whether it was stopped.

    The budget counts CPU time, so a machine busy with other work does not stop
    rules early. Python cannot interrupt a running pattern, so the budget is
    checked each time the rule yields: at a finding, or at ``None``, which a rule
    with a long loop may yield as a checkpoint. A rule is also stopped once it
    has made ``findings_left`` findings. Findings made before a stop are kept.
    """
    cpu_started, wall_started = time.process_time(), time.perf_counter()
    found: list[Finding] = []
    for finding in rule.check(doc):
        if finding is not None:
            found.append(finding)
            if findings_left is not None and len(found) >= findings_left:
                return found, time.process_time() - cpu_started, True
        if seconds_left is not None and (
            time.process_time() - cpu_started > seconds_left
            or time.perf_counter() - wall_started > WAITING_FACTOR * seconds_left
        ):
            return found, max(time.process_time() - cpu_started, seconds_left), True
    return found, time.process_time() - cpu_started, False


def stopped_note(rule, seconds: float) -> str:
    return f"{rule.code} ({rule.name}) stopped after {seconds:.1f} s; its findings here are incomplete"


def split_long_block(prose: str, block: Block, size: int = CHUNK_CHARS) -> list[Block]:
    """A block of at most ``size`` characters as it is; a longer one cut into pieces.

    Cuts fall after a sentence end when there is one in the second half of the
    window, else at a space, else at ``size`` exactly, so every character of
    the block is in exactly one piece.
    """
    if block.end - block.start <= size:
        return [block]
    pieces = []
    start = block.start
    while block.end - start > size:
        low, high = start + size // 2, start + size
        cut = max(prose.rfind(". ", low, high), prose.rfind("? ", low, high), prose.rfind("! ", low, high))
        if cut >= 0:
            cut += 1
        else:
            cut = prose.rfind(" ", low, high)
            cut = high if cut < 0 else cut
        pieces.append(Block(start, cut, block.kind))
        start = cut
        while start < block.end and prose[start].isspace():
            start += 1
    if start < block.end:
        pieces.append(Block(start, block.end, block.kind))
    return pieces


def chunk_blocks(doc: Document, size: int = CHUNK_CHARS) -> list[tuple[int, int, list[Block]]]:
    """Cut a long document into ``(start, end, blocks)`` chunks of about ``size`` characters.

    Chunks are cut between blocks, and a block longer than ``size`` is split
    (``split_long_block``), so every block's text is linted in some chunk.
    """
    if len(doc.text) <= size:
        return [(0, len(doc.text), list(doc.paragraphs))]
    chunks: list[tuple[int, int, list[Block]]] = []
    current: list[Block] = []
    chunk_start = 0
    for block in doc.paragraphs:
        for piece in split_long_block(doc.prose, block, size):
            if current and piece.end - chunk_start > size:
                chunks.append((chunk_start, piece.start, current))
                current, chunk_start = [], piece.start
            current.append(piece)
    chunks.append((chunk_start, len(doc.text), current))
    return chunks


def fingerprint(finding: Finding, text: str) -> str:
    """A position-independent identity: the rule, the flagged text and its context."""
    # Context stops at the line break so that edits on other lines keep it.
    before = text[max(0, finding.start - 40):finding.start].rpartition("\n")[2]
    after = text[finding.end:finding.end + 40].partition("\n")[0]
    before, after = " ".join(before.split()[-3:]), " ".join(after.split()[:3])
    flagged = " ".join(text[finding.start:finding.end].split())
    digest = hashlib.sha1(f"{finding.code}\0{before}\0{flagged}\0{after}".encode("utf-8")).hexdigest()
    return digest[:16]


class Linter:
    """A loaded configuration and rule set, reusable across many texts."""

    def __init__(self, config: Config, options: RunOptions | None = None):
        self.config = config
        self.options = options or RunOptions()
        self.manager = plugin_manager(tuple(config.plugins))
        classes = all_rule_classes(self.manager)
        check_rule_settings(config, classes)
        check_selectors(config, classes)
        self.rule_classes = classes
        self.rules = selected_rules(classes, config)
        self.manager.hook.garblint_configure(config=config)
        self.rule_errors: list[str] = []
        self._set_up = False  # each rule's setup() runs once, before the first text is linted
        # One line per rule stopped by its time budget, also written to standard error.
        self.corpus_state: dict = {}  # rule code -> its corpus summary (see garblint.linter.engine.corpus)

    def has_corpus_rules(self) -> bool:
        return any(rule.corpus_pass for rule in self.rules)

    def set_corpus(self, state: dict) -> None:
        """Give the corpus rules their summaries (from ``collect_corpus``, or from the parent process)."""
        self.corpus_state = dict(state)
        for rule in self.rules:
            if rule.corpus_pass:
                rule.corpus = self.corpus_state.get(rule.code)

    def collect_corpus(self, paths: list[str]) -> None:
        """The corpus pass over files: each readable file is parsed once more, its lines hashed."""
        from garblint.linter.engine.corpus import collect

        def documents():
            for path in paths:
                try:
                    yield read_source(path), path
                except InputError:
                    continue  # reported when the file is linted
        self.set_corpus(collect(self, documents()))

    def set_up(self) -> None:
        """Run every selected rule's once-per-run ``setup`` (word lists, compiled patterns).

        Deferred to the first text, so a run whose files all come from the
        cache never loads them."""
        if self._set_up:
            return
        self._set_up = True
        for rule in self.rules:
            try:
                rule.setup()
            except Exception as exc:  # a broken rule is reported like a failing check, not a traceback
                self.rule_errors.append(f"rule {rule.code} ({rule.name}) failed to set up: {type(exc).__name__}: {exc}")
                self.rules = [r for r in self.rules if r is not rule]

    def parse(self, text: str, path: str) -> Document:
        parsed = self.manager.hook.garblint_parse(path=path, text=text, config=self.config, options=self.options)
        return Document(text, path, prose=parsed.prose, blocks=parsed.blocks, comments=parsed.comments,
                        fmt=getattr(parsed, "format", "text"), notes=getattr(parsed, "notes", None))

    def lint_text(self, text: str, path: str = "<text>") -> FileResult:
        # A document makes a token object per word and mark, none of them in a
        # reference cycle; the cyclic collector would rescan them all again and
        # again as they pile up (a third of the time on a 1 MB file).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._lint_text(text, path)
        finally:
            if collecting:
                gc.enable()

    def _lint_text(self, text: str, path: str) -> FileResult:
        self.set_up()
        result = FileResult(path)
        whole = self.parse(text, path)
        result.notes.extend(whole.notes)
        if whole.comments:
            result.notes.extend(self.directive_warnings(whole))
        findings: list[Finding] = []
        chunks = chunk_blocks(whole)
        budget = time_budget(self.config, len(text))
        document_budget = time_budget(self.config, len(text), self.config.document_time_budget)
        not_run: list[str] = []  # rules left out once the document's budget was spent
        spent: dict[str, float] = {}  # seconds per rule code, over all chunks of this document
        made: dict[str, int] = {}  # findings per rule code, likewise
        stopped: set[str] = set()
        for start, end, blocks in chunks:
            if len(chunks) == 1:
                doc = whole
            else:
                shifted = [Block(b.start - start, b.end - start, b.kind) for b in blocks]
                doc = Document(text[start:end], path, prose=whole.prose[start:end], blocks=shifted, fmt=whole.format)
            # Segmented before the rules run, so no rule's budget pays for the shared tokens.
            result.words += doc.word_count
            result.sentences += len(doc.sentences)
            for rule in self.rules:
                if rule.code in stopped:
                    continue
                if document_budget is not None and sum(spent.values()) >= document_budget:
                    stopped.add(rule.code)
                    not_run.append(rule.code)
                    continue
                left = None if budget is None else budget - spent.get(rule.code, 0.0)
                if left is not None and left <= 0:  # spent on the earlier chunks
                    stopped.add(rule.code)
                    result.notes.append(stopped_note(rule, spent[rule.code]))
                    continue
                allowed = MAX_FINDINGS_PER_RULE - made.get(rule.code, 0)
                try:
                    produced, seconds, over = run_rule(rule, doc, left, allowed)
                except Exception as exc:  # one broken rule must not stop the run
                    self.rule_errors.append(f"{path}: rule {rule.code} ({rule.name}) failed: {type(exc).__name__}: {exc}")
                    continue
                spent[rule.code] = spent.get(rule.code, 0.0) + seconds
                made[rule.code] = made.get(rule.code, 0) + len(produced)
                if over:
                    stopped.add(rule.code)
                    if made[rule.code] >= MAX_FINDINGS_PER_RULE:
                        result.notes.append(f"{rule.code} ({rule.name}) stopped at {MAX_FINDINGS_PER_RULE} findings; "
                                            "the rest are not reported")
                    else:
                        result.notes.append(stopped_note(rule, spent[rule.code]))
                findings.extend(self._checked(rule, doc, produced, start))
            if doc.tagging_guessed_from is not None:
                line, _ = whole.line_col(start + doc.tagging_guessed_from)
                result.notes.append(f"part-of-speech tags from line {line} on were guessed from word forms, "
                                    "not tagged in context (the tagging time budget was used up); "
                                    "rules that read tags may miss artifacts there")
            doc = None  # free the chunk's tokens before the next one
        if not_run:
            result.notes.append(f"{len(not_run)} rule{'s' if len(not_run) != 1 else ''} not run: the rules together used up "
                                f"this document's time budget ({document_budget:.1f} s): {', '.join(not_run)}")
        result.findings = self.filter(whole, findings)
        if self.options.want_readability:
            from garblint.linter.language.readability import readability

            result.readability = readability(whole.prose)
        return result

    def directive_warnings(self, doc: Document) -> list[str]:
        """A warning for each rule a suppression directive names that no rule answers to."""
        from garblint.linter.inputs.suppressions import parse_directive

        warnings = []
        for start, _end, body in doc.comments:
            directive = parse_directive(body)
            for name in sorted(directive[1]) if directive else ():
                if not any(cls.matches(name) for cls in self.rule_classes):
                    warnings.append(f"line {doc.line_col(start)[0]}: warning: {unknown_selector(name, self.rule_classes)}; "
                                    "the suppression directive ignores it")
        return warnings

    def _checked(self, rule, doc: Document, produced: list[Finding], offset: int) -> list[Finding]:
        """A rule's findings on one document (or chunk) with their spans checked, shifted by ``offset``."""
        kept = []
        for finding in produced:
            if not 0 <= finding.start <= finding.end <= len(doc.text):
                self.rule_errors.append(
                    f"{doc.path}: rule {rule.code} ({rule.name}) reported an invalid span "
                    f"{finding.start}-{finding.end}; the finding was dropped")
                continue
            kept.append(finding.replace(start=finding.start + offset, end=finding.end + offset) if offset else finding)
        return kept

    def filter(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        config = self.config
        suppressed = [s for group in self.manager.hook.garblint_suppressions(document=doc) for s in group or ()]
        ignored = config.ignored_for(doc.path)
        min_rank = severity_rank(config.min_severity)
        kept: list[Finding] = []
        seen = set()
        for f in findings:
            key = (f.code, f.start, f.end)
            if key in seen:
                continue
            seen.add(key)
            if doc.format != "text":
                start, end = _trim_hidden(doc.prose, f.start, f.end)
                if doc.touches_opaque(start, end):
                    continue  # inline code or a URL: not prose garblint may judge
                if (start, end) != (f.start, f.end):
                    f = f.replace(start=start, end=end)
            if severity_rank(f.severity) < min_rank:
                continue
            if _named(f, ignored):
                continue
            if suppressed and any(s <= f.start < e and (not rules or _named(f, rules)) for s, e, rules in suppressed):
                continue
            line, column = doc.line_col(f.start)
            end_line, end_column = doc.line_col(max(f.start, f.end - 1))
            # the end column is exclusive, like end
            # The fingerprint reads only the code and the span, which placing does not change.
            kept.append(f.replace(path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column + 1,
                                  fingerprint=fingerprint(f, doc.text)))
        kept.sort(key=lambda f: (f.start, f.end, f.code))
        return kept

    def lint_path(self, path: str, keep_text: bool = False) -> FileResult:
        try:
            text, stamp = read_stamped(path)
        except InputError as exc:
            return FileResult(path, error=str(exc))
        result = self.lint_text(text, "-" if path == "-" else path)
        result.stamp = stamp
        if keep_text:
            result.text = text
        return result


def _trim_hidden(prose: str, start: int, end: int) -> tuple[int, int]:
    """A span without hidden markup at its edges (a finding may contain it, not begin or end in it)."""
    while start < end and prose[start] == HIDDEN:
        start += 1
    while end > start and prose[end - 1] == HIDDEN:
        end -= 1
    return start, end


def _named(finding: Finding, selectors) -> bool:
    """Whether any of ``selectors`` names the finding's rule."""
    return any(selector_matches(s, finding.code, finding.rule, finding.family) for s in selectors)


# -- parallel runs ---------------------------------------------------------------

_worker_linter: Linter | None = None


def _init_worker(config: Config, options: RunOptions, corpus_state: dict | None = None) -> None:
    global _worker_linter
    _worker_linter = Linter(config, options)
    if corpus_state:
        _worker_linter.set_corpus(corpus_state)


def _lint_in_worker(args: tuple[str, bool]) -> tuple[FileResult, list[str]]:
    assert _worker_linter is not None
    path, keep_text = args
    result = _worker_linter.lint_path(path, keep_text)
    errors, _worker_linter.rule_errors = _worker_linter.rule_errors, []
    return result, errors


def lint_files(linter: Linter, files: list[str], jobs: int = 1, keep_text: bool = False, progress=None):
    """Yield FileResults in the order of ``files``, using ``jobs`` processes."""
    jobs = max(1, min(jobs, len(files)))
    if jobs == 1 or "-" in files:
        for path in files:
            yield linter.lint_path(path, keep_text)
            if progress:
                progress()
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(linter.config, linter.options, linter.corpus_state)) as pool:
        chunk = max(1, min(16, len(files) // (jobs * 8) or 1))
        for result, errors in pool.imap(_lint_in_worker, [(p, keep_text) for p in files], chunksize=chunk):
            linter.rule_errors.extend(errors)
            yield result
            if progress:
                progress()


