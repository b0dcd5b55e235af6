"""The ``garblint`` command line."""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter

from . import __version__
from .findings import SEVERITIES, severity_rank

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PROGRESS_MIN_FILES = 20


class UsageError(Exception):
    pass


def _error(message: str) -> None:
    sys.stderr.write(f"garblint: error: {message}\n")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="garblint",
        description="Find machine-translation artifacts and garbled spin-rewrites in prose.",
    )
    parser.add_argument("--version", action="version", version=f"garblint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="lint files and folders", description="Lint files and folders of prose.")
    check.add_argument("paths", nargs="*", default=["."], help="files or folders to lint ('-' reads standard input)")
    add_output_options(check)
    check.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="processes to use (0: one per core)")
    check.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name (and so the format) of text read from '-'")
    check.add_argument("--fix", action="store_true",
                       help="apply the suggestions of fixable rules to the files (written atomically), then report what is left")
    check.add_argument("--diff", action="store_true",
                       help="print a unified diff of what --fix would change, change nothing (exit 1 if there is a diff)")
    check.add_argument("--show-fixes", action="store_true", help="list the fixes --fix made (or --diff would make), by file and rule")
    check.add_argument("--diff-base", metavar="REF",
                       help="report only findings on lines changed since the git revision REF (untracked files: every line)")
    check.add_argument("--no-cache", action="store_true",
                       help="lint every file, without reading or writing the cache of unchanged files' results")
    check.add_argument("--force-exclude", action="store_true",
                       help="leave out paths named on the command line that 'exclude' matches (as pre-commit needs)")
    check.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                       help="walk folders without regard to .gitignore, .ignore and .git/info/exclude")

    compare = commands.add_parser(
        "compare", help="report meaning drift of a rewrite against its original",
        description="Align a rewrite with its original sentence by sentence and report meaning drift on the rewrite.",
    )
    compare.add_argument("original", help="the original text")
    compare.add_argument("rewrite", help="the rewrite (findings point into this file)")
    add_output_options(compare)

    evaluate = commands.add_parser(
        "eval", help="measure recall and precision on annotated documents",
        description="Lint the documents a gold file names and report recall per tier and family, "
        "unmatched findings and precision; or, with --clean, false positives per 10,000 words.",
    )
    evaluate.add_argument("gold", nargs="?", help="gold YAML file (the format of seeds/expected.yaml)")
    evaluate.add_argument("--docs", metavar="DIR", help="folder of the documents (default: the gold file's folder)")
    evaluate.add_argument("--clean", metavar="DIR", help="report findings per 10,000 words on a folder of clean text")
    add_output_options(evaluate)

    pairs = commands.add_parser(
        "pairs", help="find documents that are rewrites of one another, and compare each pair",
        description="Find near-duplicate documents (MinHash/LSH over word and skeleton shingles, then sentence "
        "alignment), report each pair with its similarity, and run the compare-mode drift rules on it.",
    )
    pairs.add_argument("paths", nargs="+", help="files or folders")
    pairs.add_argument("--original-glob", metavar="GLOB", help="files matching GLOB are originals")
    pairs.add_argument("--min-similarity", type=float, default=0.5, metavar="X",
                       help="share of sentences that must align (default 0.5)")
    pairs.add_argument("--engine", choices=("local", "dask"), default="local", help="where signatures are computed")
    pairs.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler (default: a local cluster)")
    add_output_options(pairs)

    scan = commands.add_parser(
        "scan", help="score a corpus of JSON-lines or Parquet records (resumable; local or Dask)",
        description="Lint every record of a corpus and write one result per document (id, garble score, "
        "counts by family, findings) into part files in OUTPUT. An interrupted scan resumes where it stopped.",
    )
    scan.add_argument("corpus", help="a .jsonl/.ndjson/.parquet file, or a folder of them")
    scan.add_argument("--output", "-o", required=True, metavar="DIR", help="folder for the part files")
    scan.add_argument("--text-field", default="text", metavar="NAME")
    scan.add_argument("--id-field", default="id", metavar="NAME")
    scan.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="format of the part files")
    scan.add_argument("--partition-size", type=int, default=1000, metavar="N", help="records per partition")
    scan.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="local processes (0: one per core)")
    scan.add_argument("--engine", choices=("local", "dask"), default="local")
    scan.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler (default: a local cluster)")
    scan.add_argument("--config", metavar="FILE")
    scan.add_argument("--quiet", "-q", action="store_true")

    rule = commands.add_parser("rule", help="list the rules, or explain one",
                               description="List the rules (all, or a family's or code prefix's), or print one rule's documentation.")
    rule.add_argument("rule", nargs="?", help="a rule code or name (its documentation), or a family or code prefix (its rules)")
    rule.add_argument("--config", metavar="FILE")
    rule.add_argument("--no-config", action="store_true")

    completion = commands.add_parser("completion", help="print a shell completion script",
                                     description="Print a completion script for bash, zsh or fish.")
    completion.add_argument("shell", choices=("bash", "zsh", "fish"))
    return parser


def registered_reporters(manager) -> dict:
    """Output format name -> reporter class, from every plugin's ``garblint_reporters`` hook."""
    reporters: dict = {}
    for group in manager.hook.garblint_reporters():
        reporters.update(group or {})
    return reporters


def reporter_class(manager, name: str):
    reporters = registered_reporters(manager)
    if name not in reporters:
        raise UsageError(f"unknown format '{name}' (choose from {', '.join(reporters)})")
    return reporters[name]


class FormatChoices:
    """The ``--format`` names of the installed reporter plugins, looked up only when argparse asks."""

    def names(self) -> tuple[str, ...]:
        from .plugins import PluginError, plugin_manager

        try:
            # The same cached manager a Linter without configured plugins uses.
            return tuple(registered_reporters(plugin_manager(())))
        except PluginError:
            # A broken plugin is reported in one line once linting starts; until then the built-ins stand.
            from .reporters import garblint_reporters

            return tuple(garblint_reporters())

    def __contains__(self, name) -> bool:
        return name in self.names()

    def __iter__(self):
        return iter(self.names())


def add_output_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--format", choices=FormatChoices(), default="text",
                     help="report format: one of the registered reporters' names (default: text)")
    sub.add_argument("--select", type=_csv, metavar="RULES", help="rules to run: codes, names or families, comma separated")
    sub.add_argument("--extend-select", type=_csv, metavar="RULES", help="rules to run in addition to the configured ones")
    sub.add_argument("--ignore", type=_csv, metavar="RULES", help="rules to skip")
    sub.add_argument("--fail-on", choices=SEVERITIES + ("never",), help="lowest severity that makes the exit code 1")
    sub.add_argument("--min-severity", choices=SEVERITIES, help="hide findings below this severity")
    sub.add_argument("--config", metavar="FILE", help="configuration file (instead of the project's)")
    sub.add_argument("--no-config", action="store_true", help="ignore project configuration files")
    sub.add_argument("--stats", action="store_true", help="also report words, sentences, readability and findings per 1,000 words")
    sub.add_argument("--sort-by", choices=("path", "density", "readability"), default="path",
                     help="order of documents in the report: path, findings per 1,000 words (most first) or readability (hardest first)")
    sub.add_argument("--quiet", "-q", action="store_true", help="only the findings: no source lines, no progress")
    sub.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour the report: on a terminal (auto; FORCE_COLOR and NO_COLOR apply), always or never")
    sub.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")


def option_overrides(args):
    """A function that lays the command-line options over a loaded configuration.

    Each selector an option adds is recorded as coming from that option, so an
    unknown one is reported as ``--select: ...`` rather than against a file.
    """
    def adjust(config) -> None:
        for option, key in (("select", "select"), ("extend_select", "extend-select"), ("ignore", "ignore")):
            values = getattr(args, option, None)
            if not values:
                continue
            current = [] if option == "select" else list(getattr(config, option))
            setattr(config, option, current + list(values))
            for index in range(len(current), len(current) + len(values)):
                config.origins[f"{key}.{index}"] = f"--{key}"
        if getattr(args, "fail_on", None):
            config.fail_on = args.fail_on
        if getattr(args, "min_severity", None):
            config.min_severity = args.min_severity
        config.want_readability = bool(getattr(args, "stats", False) or getattr(args, "sort_by", "path") == "readability")
        stdin_filename = getattr(args, "stdin_filename", None)
        if stdin_filename:
            config.stdin_format = "markdown" if stdin_filename.lower().endswith((".md", ".markdown")) else "text"

    return adjust


def load_effective_config(args):
    """The configuration found from the first path, with the command-line options over it."""
    from .config import load_config

    config = load_config(
        paths=getattr(args, "paths", None),
        config_file=args.config,
        use_project_config=not args.no_config,
    )
    option_overrides(args)(config)
    return config


class LinterPool:
    """One Linter per configuration file, made the first time a path needs it."""

    def __init__(self, resolver, stdin_place: str | None = None):
        from .runner import Linter

        self._make = Linter
        self.resolver = resolver
        self.stdin_place = stdin_place  # where text read from '-' is taken to be (for its configuration)
        self._linters: dict = {}

    def config_for(self, path: str):
        return self.for_path(path).config

    def for_path(self, path: str):
        if path == "-" and self.stdin_place:
            path = self.stdin_place
        project = self.resolver.config_file_for(path)
        if project not in self._linters:
            self._linters[project] = self._make(self.resolver.for_file(project))
        return self._linters[project]

    @property
    def linters(self) -> list:
        return list(self._linters.values())

    def rule_classes(self) -> list:
        """Every rule any configuration's plugins provide, once each."""
        return list({cls.code: cls for linter in self.linters for cls in linter.rule_classes}.values())


def sort_results(results, key: str):
    """Order documents for the report: by path (as linted), garble density or readability."""
    if key == "density":
        return sorted(results, key=lambda r: -len(r.findings) / max(r.words, 1))
    if key == "readability":
        def ease(r):
            return (r.readability or {}).get("flesch_reading_ease", float("inf"))
        return sorted(results, key=ease)
    return results


def summarize(results, baselined: int = 0) -> dict:
    by_severity = Counter({s: 0 for s in SEVERITIES})
    by_rule: Counter = Counter()
    by_family: Counter = Counter()
    for result in results:
        for f in result.findings:
            by_severity[f.severity] += 1
            by_rule[f.code] += 1
            by_family[f.family] += 1
    return {
        "files": len(results),
        "findings": sum(by_severity.values()),
        "by_severity": dict(by_severity),
        "by_rule": dict(sorted(by_rule.items())),
        "by_family": dict(sorted(by_family.items())),
        "words": sum(r.words for r in results),
        "sentences": sum(r.sentences for r in results),
        "file_errors": sum(1 for r in results if r.error),
        "baselined": baselined,
    }


def document_stats(results) -> list[dict]:
    rows = []
    for r in results:
        if r.error:
            continue
        families = Counter(f.family for f in r.findings)
        per_k = {fam: round(n * 1000 / max(r.words, 1), 2) for fam, n in sorted(families.items())}
        rows.append({
            "path": r.path,
            "words": r.words,
            "sentences": r.sentences,
            "findings": len(r.findings),
            "findings_per_1000_words": round(len(r.findings) * 1000 / max(r.words, 1), 2),
            "by_family_per_1000_words": per_k,
            "readability": r.readability,
        })
    return rows


def weighted_readability(rows: list[dict]) -> dict:
    """Readability of the whole run: each measure averaged over documents, weighted by words."""
    totals: Counter = Counter()
    weight = 0
    for row in rows:
        scores = row.get("readability")
        if scores:
            weight += row["words"]
            for name, value in scores.items():
                totals[name] += value * row["words"]
    return {name: round(value / weight, 2) for name, value in totals.items()} if weight else {}


class Progress:
    """A one-line progress bar on standard error, for terminals only."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.done, self.enabled = total, 0, enabled

    def __call__(self) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
            if self.done == self.total:
                sys.stderr.write("\r" + " " * (width + 30) + "\r")
            sys.stderr.flush()


def _same_file(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links
    except OSError:
        return False


def refuse_overwriting_inputs(args, inputs=()) -> None:
    """Refuse an --output or --write-baseline that names a file the command reads."""
    named = [getattr(args, key, None) for key in ("original", "rewrite", "gold")] + list(getattr(args, "paths", None) or [])
    named = [path for path in (*named, *inputs) if path and path != "-"]
    # Updating a baseline in place (--baseline B --write-baseline B) is how a baseline is renewed.
    targets = [("--output", getattr(args, "output", None), named + [getattr(args, "baseline", None)]),
               ("--write-baseline", getattr(args, "write_baseline", None), named)]
    for option, target, read in targets:
        for path in read:
            if target and path and _same_file(target, path):
                raise UsageError(f"{target}: {option} names a file this command reads ({path}); write it elsewhere")


def open_output(args, inputs=(), default=None):
    """The report's stream (--output, else ``default`` or standard output);
    ``inputs`` are the files read, which it must not overwrite."""
    refuse_overwriting_inputs(args, inputs)
    if getattr(args, "output", None):
        try:
            return open(args.output, "w", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
    return default or sys.stdout


def use_colour(args, stream) -> bool:
    """--color first; then NO_COLOR (set and not empty: no colour), which wins over
    FORCE_COLOR (set and not empty: colour); then whether the stream is a terminal."""
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def cmd_check(args) -> int:
    from .baseline import apply_baseline, load_baseline, write_baseline
    from .config import ConfigResolver
    from .runner import collect_files

    if args.show_fixes and not (args.fix or args.diff):
        raise UsageError("--show-fixes lists the fixes of --fix or --diff; give one of them")
    resolver = ConfigResolver(args.config, not args.no_config, adjust=option_overrides(args))
    pool = LinterPool(resolver, stdin_place=args.stdin_filename)
    # The first path's configuration is loaded before anything else, so a bad
    # selector or configuration is reported even when there is nothing to lint.
    first = pool.for_path(args.paths[0])
    known = load_baseline(args.baseline) if args.baseline else None
    walk_notes: list[str] = []
    files, path_errors = collect_files(args.paths, pool.config_for, walk_notes, force_exclude=args.force_exclude,
                                       respect_gitignore=args.respect_gitignore)
    for message in path_errors:
        _error(message)
    for message in walk_notes:
        sys.stderr.write(f"garblint: {message}\n")
    if not files:
        # Every path was an error (each said so), or --force-exclude left them all out.
        return EXIT_ERROR if path_errors else EXIT_CLEAN
    changed = changed_since(args.diff_base, files) if args.diff_base else None
    keep_text = getattr(reporter_class(first.manager, args.format), "needs_text", False) or args.fix or args.diff
    results = lint_with_pool(args, pool, files, keep_text)
    if changed is not None:
        for result in results:
            result.findings = changed.keep(result.findings, result.path)
    for linter in pool.linters:
        for message in dict.fromkeys(linter.rule_errors):
            _error(message)
    if args.write_baseline:
        count = write_baseline(args.write_baseline, results)
        sys.stderr.write(f"garblint: wrote {count} finding{'s' if count != 1 else ''} to {args.write_baseline}\n")
    hidden = apply_baseline(results, known) if known is not None else 0
    if args.diff:
        status = diff_files(args, pool, results, known, changed)
        return EXIT_ERROR if path_errors else status
    report_stream = None
    if args.fix:
        results, more_hidden = fix_files(args, pool, results, known, keep_text, changed)
        hidden += more_hidden
        if "-" in files:
            report_stream = sys.stderr  # standard output holds the fixed text, as in ruff
    status = report_and_exit(args, first, results, hidden, pool, default_stream=report_stream)
    return EXIT_ERROR if path_errors else status


def lint_with_pool(args, pool: LinterPool, files: list[str], keep_text: bool) -> list:
    """Lint each file with its own configuration's Linter; results in the order of ``files``.

    Files whose contents and configuration are as in the cache are not linted again.
    """
    from .runner import lint_files

    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    progress = Progress(len(files), enabled=sys.stderr.isatty() and len(files) >= PROGRESS_MIN_FILES and not args.quiet)
    groups: dict = {}  # Linter -> the indices of its files
    for index, path in enumerate(files):
        groups.setdefault(pool.for_path(path), []).append(index)
    results: list = [None] * len(files)
    for linter, indices in groups.items():
        # Over several files, rules that compare documents (GL606) first read them all.
        corpus_paths = [files[i] for i in indices if files[i] != "-"]
        if len(corpus_paths) >= 2 and linter.has_corpus_rules():
            linter.collect_corpus(corpus_paths)
        cache = open_cache(args, pool, linter)
        todo = []
        for index in indices:
            cached = cache.get(files[index], keep_text) if cache is not None and files[index] != "-" else None
            if cached is None:
                todo.append(index)
            else:
                results[index] = cached
                progress()
        errors_so_far = len(linter.rule_errors)
        for index, result in zip(todo, lint_files(linter, [files[i] for i in todo], jobs=jobs, keep_text=keep_text,
                                                  progress=progress)):
            results[index] = result
            # A rule that failed on this file (its errors come before its result) leaves it out of the cache.
            if cache is not None and len(linter.rule_errors) == errors_so_far:
                cache.put(files[index], result)
            errors_so_far = len(linter.rule_errors)
        if cache is not None:
            problem = cache.save()
            if problem:
                sys.stderr.write(f"garblint: warning: {problem}\n")
    for result in results:
        if result.error:
            _error(result.error)
        for note in result.notes:
            sys.stderr.write(f"garblint: {result.path}: {note}\n")
        name_standard_input(result, args.stdin_filename)
    return results


def open_cache(args, pool: LinterPool, linter):
    """The result cache for ``linter``'s configuration, or None (--no-cache, or rules that cannot be cached).

    All of a run's caches are in one folder, at the root of the project the
    working folder is in (as ruff's are).
    """
    from pathlib import Path

    from .cache import ResultCache, cache_folder, cacheable

    if args.no_cache or not cacheable(linter):
        return None
    project = pool.resolver.config_file_for(Path.cwd())
    return ResultCache(linter, cache_folder(project.absolute().parent if project else Path.cwd()))


def name_standard_input(result, name: str | None) -> None:
    """Report text read from '-' under the --stdin-filename given for it."""
    if result.path == "-" and name:
        result.path = name
        for f in result.findings:
            f.path = name


def round_filter(known, changed):
    """What later rounds of fixes keep of a file's findings: all, or those the
    baseline does not hide and --diff-base does not leave out."""
    if known is None and changed is None:
        return None
    from .baseline import apply_baseline
    from .runner import FileResult

    def keep(findings):
        if known is not None:
            probe = [FileResult("", findings=findings)]
            apply_baseline(probe, known)
            findings = probe[0].findings
        if changed is not None and findings:
            findings = changed.keep(findings, findings[0].path)
        return findings

    return keep


def changed_since(ref: str, files: list[str]):
    """--diff-base: the lines of each file changed since ``ref`` (a gitdiff.ChangedLines)."""
    from .gitdiff import DiffBaseError, changed_lines

    if "-" in files:
        raise UsageError("--diff-base compares files with git; it cannot read standard input")
    try:
        return changed_lines(ref, files)
    except DiffBaseError as exc:
        raise UsageError(str(exc)) from None


def has_fixes(linter, result) -> bool:
    fixable = {cls.code for cls in linter.rule_classes if cls.fixable}
    return not result.error and any(f.code in fixable and f.suggestions for f in result.findings)


def fix_files(args, pool: LinterPool, results, known, keep_text: bool, changed=None):
    """--fix: fix each file in place and lint it again; standard input's text is
    printed fixed (or as it was) on standard output. Returns the results and
    how many findings the baseline hid after the fixes."""
    from .baseline import apply_baseline
    from .fixes import FixRefused, fix_file, fix_text
    from .runner import lint_files

    keep = round_filter(known, changed)
    fixed_paths: list[str] = []
    tallies: dict[str, Counter] = {}
    relinted = []
    results = list(results)
    for index, result in enumerate(results):
        linter = pool.for_path(result.path)
        tally: Counter = Counter()
        if result.stamp is None and not result.error:  # standard input
            try:
                fixed, applied = fix_text(linter, result.text, "-", result.findings, keep, tally)
            except FixRefused as exc:
                sys.stderr.write(f"garblint: {result.path}: not fixed: {exc}\n")
                fixed, applied = result.text, 0
            sys.stdout.write(fixed)
            sys.stdout.flush()
            if applied:
                again = linter.lint_text(fixed, "-")
                again.text = fixed if keep_text else None
                name_standard_input(again, args.stdin_filename)
                results[index] = again
                relinted.append(again)
                tallies[result.path] = tally
            continue
        if not has_fixes(linter, result):
            continue
        try:
            applied = fix_file(linter, result, keep, tally)
        except FixRefused as exc:
            sys.stderr.write(f"garblint: {result.path}: not fixed: {exc}\n")
            continue
        if applied:
            fixed_paths.append(result.path)
            tallies[result.path] = tally
    again = {}
    for path in fixed_paths:
        again.update((r.path, r) for r in lint_files(pool.for_path(path), [path], jobs=1, keep_text=keep_text))
    results = [again.get(r.path, r) for r in results]
    relinted += again.values()
    if changed is not None:
        for result in relinted:
            result.findings = changed.keep(result.findings, result.path)
    hidden = apply_baseline(relinted, known) if known is not None else 0
    if tallies:
        report_fixes(tallies, pool, "fixed", args.show_fixes)
    return results, hidden


def diff_files(args, pool: LinterPool, results, known, changed=None) -> int:
    """--diff: print what --fix would change as a unified diff and change nothing.
    Exit 1 when there is a diff, 0 when there is none, 2 after a file error."""
    import difflib

    from .fixes import FixRefused, fix_text

    keep = round_filter(known, changed)
    stream = open_output(args, [r.path for r in results])
    tallies: dict[str, Counter] = {}
    for result in results:
        linter = pool.for_path(result.path)
        if not has_fixes(linter, result):
            continue
        tally: Counter = Counter()
        try:
            fixed, applied = fix_text(linter, result.text, "-" if result.stamp is None else result.path,
                                      result.findings, keep, tally)
        except FixRefused as exc:
            sys.stderr.write(f"garblint: {result.path}: would not be fixed: {exc}\n")
            continue
        if not applied:
            continue
        tallies[result.path] = tally
        before, after = result.text.splitlines(keepends=True), fixed.splitlines(keepends=True)
        for line in difflib.unified_diff(before, after, fromfile=result.path, tofile=result.path):
            stream.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    if stream is not sys.stdout:
        stream.close()
    report_fixes(tallies, pool, "would fix", args.show_fixes)
    if any(r.error for r in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if tallies else EXIT_CLEAN


def report_fixes(tallies: dict[str, Counter], pool: LinterPool, verb: str, itemise: bool) -> None:
    """On standard error: how many fixes in how many files and, with --show-fixes,
    each file's fixes by rule, as ruff lists them."""
    if not tallies:
        sys.stderr.write("garblint: nothing to fix\n")
        return
    count, files = sum(sum(t.values()) for t in tallies.values()), len(tallies)
    sys.stderr.write(f"garblint: {verb} {count} finding{'s' if count != 1 else ''} "
                     f"in {files} file{'s' if files != 1 else ''}{':' if itemise else ''}\n")
    if not itemise:
        return
    names = {cls.code: cls.name for cls in pool.rule_classes()}
    for path, tally in tallies.items():
        sys.stderr.write(f"- {path}:\n")
        for code, n in sorted(tally.items()):
            sys.stderr.write(f"    {n} × {code} ({names.get(code, '?')})\n")


def write_stats_table(stream, summary: dict) -> None:
    write = stream.write
    write("\n")
    write(f"{'document':<44} {'words':>7} {'findings':>8} {'per 1k':>7} {'ease':>6} {'grade':>6}\n")
    for row in summary.get("documents", []):
        scores = row.get("readability") or {}
        ease = f"{scores['flesch_reading_ease']:6.1f}" if "flesch_reading_ease" in scores else f"{'-':>6}"
        grade = f"{scores['flesch_kincaid_grade']:6.1f}" if "flesch_kincaid_grade" in scores else f"{'-':>6}"
        write(f"{row['path'][-44:]:<44} {row['words']:>7} {row['findings']:>8} {row['findings_per_1000_words']:>7.2f} {ease} {grade}\n")
    write(f"{'total':<44} {summary['words']:>7} {summary['findings']:>8} {summary['findings'] * 1000 / max(summary['words'], 1):>7.2f}\n")
    if summary["by_rule"]:
        write("\n")
        for code, count in summary["by_rule"].items():
            write(f"{count:>6}  {code}\n")


def cmd_rule(args) -> int:
    from .config import load_config, unknown_selector
    from .plugins import all_rule_classes, find_rule, plugin_manager

    config = load_config(config_file=args.config, use_project_config=not args.no_config)
    classes = all_rule_classes(plugin_manager(tuple(config.plugins)))
    if args.rule:
        cls = find_rule(classes, args.rule)
        if cls is not None:
            sys.stdout.write(cls.documentation() + "\n")
            return EXIT_CLEAN
        # A family or a code prefix: the rules it names.
        named = [cls for cls in classes if cls.matches(args.rule)]
        if not named:
            _error(unknown_selector(args.rule, classes))
            return EXIT_ERROR
        classes = named
    for cls in classes:
        flag = "" if cls.enabled_by_default else "  (off by default)"
        scope = "  (compare mode)" if cls.scope == "pair" else ""
        fixable = "  (fixable)" if cls.fixable else ""
        sys.stdout.write(f"{cls.code:<7} {cls.name:<34} {cls.family:<18} {cls.severity:<8}{flag}{scope}{fixable}\n")
    return EXIT_CLEAN


def cmd_compare(args) -> int:
    from .compare import compare_documents
    from .plugins import selected_rules
    from .runner import FileResult, Linter, read_source

    args.paths = [args.rewrite]
    config = load_effective_config(args)
    linter = Linter(config)
    texts = {}
    for path in (args.original, args.rewrite):
        texts[path] = read_source(path)
    original = linter.parse(texts[args.original], args.original)
    rewrite = linter.parse(texts[args.rewrite], args.rewrite)
    rules = selected_rules(linter.rule_classes, config, scope="pair")
    findings = linter.filter(rewrite, compare_documents(original, rewrite, rules))
    result = FileResult(args.rewrite, findings=findings, words=rewrite.word_count, sentences=len(rewrite.sentences), text=texts[args.rewrite])
    return report_and_exit(args, linter, [result])


def report_and_exit(args, linter, results, baselined: int = 0, pool: LinterPool | None = None, default_stream=None) -> int:
    """Report ``results`` and return the exit code.

    With a ``pool``, each file is judged by its own configuration's fail-on and
    the reporters know every configuration's rules.
    """
    reporter_type = reporter_class(linter.manager, args.format)
    stream = open_output(args, [r.path for r in results], default_stream)
    results = sort_results(results, getattr(args, "sort_by", "path"))
    summary = summarize(results, baselined)
    rule_classes = pool.rule_classes() if pool is not None else linter.rule_classes
    fixable = {cls.code for cls in rule_classes if cls.fixable}
    summary["fixable"] = sum(1 for r in results for f in r.findings if f.code in fixable and f.suggestions)
    if args.stats:
        summary["documents"] = document_stats(results)
        summary["readability"] = weighted_readability(summary["documents"])
    reporter = reporter_type(stream, {"color": use_colour(args, stream), "quiet": args.quiet, "rule_classes": rule_classes})
    reporter.report([r for r in results if not r.error], summary)
    if args.stats and args.format == "text":
        write_stats_table(stream, summary)
    if stream not in (sys.stdout, sys.stderr):
        stream.close()
    if any(r.error for r in results):
        return EXIT_ERROR

    def fails(result) -> bool:
        fail_on = (pool.config_for(result.path) if pool is not None else linter.config).fail_on
        return fail_on != "never" and any(severity_rank(f.severity) >= severity_rank(fail_on) for f in result.findings)

    return EXIT_FINDINGS if any(fails(r) for r in results) else EXIT_CLEAN


def cmd_eval(args) -> int:
    import json

    from .evaluate import clean_rates, evaluate
    from .runner import Linter

    if not args.gold and not args.clean:
        raise UsageError("eval needs a gold file or --clean DIR")
    args.paths = [args.gold or args.clean]
    config = load_effective_config(args)
    linter = Linter(config)
    stream = open_output(args, eval_inputs(args, config))
    report: dict = {}
    if args.gold:
        result = evaluate(args.gold, args.docs, linter)
        report["gold"] = result.to_dict()
        report["gold"]["words"] = result.words
    if args.clean:
        report["clean"] = clean_rates(args.clean, linter)
    if args.format == "json":
        json.dump(report, stream, indent=1, ensure_ascii=False)
        stream.write("\n")
    else:
        write_eval_text(stream, report)
    if stream is not sys.stdout:
        stream.close()
    return EXIT_CLEAN


def eval_inputs(args, config) -> list[str]:
    """The files eval reads: the gold file, its documents and the clean folder's files."""
    from .evaluate import document_names
    from .runner import collect_files

    inputs = []
    if args.gold:
        folder = args.docs or os.path.dirname(args.gold) or "."
        inputs += [args.gold] + [os.path.join(folder, name) for name in document_names(folder)]
    if args.clean:
        inputs += collect_files([args.clean], config)[0]
    return inputs


def write_eval_text(stream, report: dict) -> None:
    write = stream.write
    gold = report.get("gold")
    if gold:
        write("recall by tier:\n")
        for tier, row in gold["recall_by_tier"].items():
            write(f"  {tier:<12} {row['found']}/{row['total']}\n")
        write("recall by family:\n")
        for family, row in gold["recall_by_family"].items():
            write(f"  {family:<18} {row['found']}/{row['total']}\n")
        for missed in gold["missed"]:
            write(f"missed [{missed['tier']}] {missed['doc']}: {missed['quote']!r} ({missed['family']})\n")
        for f in gold["unmatched"]:
            write(f"unmatched {f['path']}:{f['line']}:{f['column']}: {f['code']} {f['severity']} {f['message']}\n")
        write(
            f"findings {gold['findings']}, unmatched {len(gold['unmatched'])} "
            f"(on clean documents {gold['false_positives_on_clean_docs']}), precision {gold['precision']:.2f}\n"
        )
    clean = report.get("clean")
    if clean:
        write(f"clean text: {clean['files']} files, {clean['words']} words; findings per 10,000 words:\n")
        for rule, row in clean["per_10000_words"].items():
            write(f"  {rule:<40} " + ", ".join(f"{sev} {n}" for sev, n in row.items()) + "\n")
        total = clean["total_per_10000_words"]
        write("  total: " + (", ".join(f"{sev} {n}" for sev, n in total.items()) or "none") + "\n")


def cmd_pairs(args) -> int:
    import json

    from .pairs import find_pairs
    from .runner import Linter, collect_files

    config = load_effective_config(args)
    linter = Linter(config)
    files, errors = collect_files(args.paths, config)
    for message in errors:
        _error(message)
    if errors and not files:
        return EXIT_ERROR
    refuse_overwriting_inputs(args, files)
    reports = find_pairs(linter, files, args.original_glob, args.min_similarity, engine=args.engine, scheduler=args.scheduler)
    stream = open_output(args, files)
    if args.format == "json":
        json.dump({"pairs": [r.to_dict() for r in reports], "documents": len(files)}, stream, indent=1, ensure_ascii=False)
        stream.write("\n")
    else:
        for report in reports:
            if report.original:
                rewrite = report.b if report.original == report.a else report.a
                stream.write(f"{report.original} -> {rewrite}: similarity {report.similarity:.2f} (original by {report.basis})\n")
            else:
                stream.write(f"{report.a} vs {report.b}: similarity {report.similarity:.2f} ({report.basis})\n")
            for f in report.findings:
                stream.write(f"  {f.path}:{f.line}:{f.column}: {f.code} {f.severity} {f.message}\n")
        stream.write(f"{len(reports)} rewrite pair{'s' if len(reports) != 1 else ''} among {len(files)} documents.\n")
    if stream is not sys.stdout:
        stream.close()
    if errors:
        return EXIT_ERROR
    if config.fail_on == "never":
        return EXIT_CLEAN
    threshold = severity_rank(config.fail_on)
    failing = any(severity_rank(f.severity) >= threshold for r in reports for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def cmd_scan(args) -> int:
    from .scan import ScanSettings, prepare, run

    if args.partition_size < 1:
        raise UsageError("--partition-size must be at least 1")
    settings = ScanSettings(args.text_field, args.id_field, args.format, args.config, use_project_config=False)
    plan = prepare(args.corpus, args.output, settings, args.partition_size)
    if plan.repeated_ids:
        warn_repeated_ids(plan.repeated_ids)
    progress = Progress(len(plan.todo), enabled=sys.stderr.isatty() and not args.quiet and bool(plan.todo))
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    report = run(plan, args.engine, jobs, args.scheduler, progress)
    if not args.quiet:
        sys.stderr.write(
            f"garblint: scored {report['documents']} documents in {report['scored_partitions']} partitions "
            f"({report['skipped']} already done) into {args.output}\n"
        )
    return EXIT_CLEAN


def warn_repeated_ids(counts: dict[str, int], shown: int = 5) -> None:
    """One line: how many ids more than one record holds, and the first few."""
    examples = ", ".join(f"{record_id!r} ({n})" for record_id, n in list(counts.items())[:shown])
    more = f" and {len(counts) - shown} more" if len(counts) > shown else ""
    ids = f"{len(counts)} id{'s' if len(counts) != 1 else ''}"
    sys.stderr.write(
        f"garblint: warning: {ids} held by more than one record ({sum(counts.values())} records): {examples}{more}; "
        "every record is scored, so the output has one result per record, not per id\n"
    )


def cmd_completion(args) -> int:
    from .completion import script

    sys.stdout.write(script(build_parser(), args.shell))
    return EXIT_CLEAN


COMMANDS = {"completion": cmd_completion, "pairs": cmd_pairs, "scan": cmd_scan, "check": cmd_check, "rule": cmd_rule, "compare": cmd_compare, "eval": cmd_eval}


def main(argv: list[str] | None = None) -> int:
    from .config import ConfigError
    from .plugins import PluginError
    from .runner import InputError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_ERROR
    try:
        if args.command != "scan":  # a scan's output is a folder, checked by the scan
            refuse_overwriting_inputs(args)
        if getattr(args, "write_baseline", None):
            from .baseline import check_baseline_target

            check_baseline_target(args.write_baseline)
        return COMMANDS[args.command](args)
    except (ConfigError, InputError, PluginError, UsageError) as exc:
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("garblint: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except RecursionError:
        _error("input too deeply nested to parse")
        return EXIT_ERROR
    except Exception as exc:  # a bug: say so in one line, details on request
        if os.environ.get("GARBLINT_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (set GARBLINT_DEBUG=1 for details)")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
