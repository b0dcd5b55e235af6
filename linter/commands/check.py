"""``garblint check``: lint files with the nearest configuration of each, use the
cache, apply or preview fixes, and report."""
from __future__ import annotations

import os
import sys
from collections import Counter

from garblint.linter.commands.session import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Progress, UsageError, error, open_output,
                      option_overrides, report_and_exit, reporter_class, run_options)

PROGRESS_MIN_FILES = 20


class LinterPool:
    """One Linter per configuration file, made the first time a path needs it."""

    def __init__(self, resolver, stdin_place: str | None = None, options=None):
        from garblint.linter.engine.runner import Linter

        self._make = Linter
        self.options = options
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
            self._linters[project] = self._make(self.resolver.for_file(project), self.options)
        return self._linters[project]

    @property
    def linters(self) -> list:
        return list(self._linters.values())

    def rule_classes(self) -> list:
        """Every rule any configuration's plugins provide, once each."""
        return list({cls.code: cls for linter in self.linters for cls in linter.rule_classes}.values())


def command(args) -> int:
    from garblint.linter.engine.baseline import apply_baseline, load_baseline, write_baseline
    from garblint.linter.engine.config import ConfigResolver
    from garblint.linter.engine.runner import collect_files

    if args.show_fixes and not (args.fix or args.diff):
        raise UsageError("--show-fixes lists the fixes of --fix or --diff; give one of them")
    resolver = ConfigResolver(args.config, not args.no_config, adjust=option_overrides(args))
    pool = LinterPool(resolver, stdin_place=args.stdin_filename, options=run_options(args))
    # The first path's configuration is loaded before anything else, so a bad
    # selector or configuration is reported even when there is nothing to lint.
    first = pool.for_path(args.paths[0])
    known = load_baseline(args.baseline) if args.baseline else None
    walk_notes: list[str] = []
    files, path_errors = collect_files(args.paths, pool.config_for, walk_notes, force_exclude=args.force_exclude,
                                       respect_gitignore=args.respect_gitignore)
    for message in path_errors:
        error(message)
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
            error(message)
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
    from garblint.linter.engine.runner import lint_files

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
            error(result.error)
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

    from garblint.linter.engine.cache import ResultCache, cache_folder, cacheable

    if args.no_cache or not cacheable(linter):
        return None
    project = pool.resolver.config_file_for(Path.cwd())
    return ResultCache(linter, cache_folder(project.absolute().parent if project else Path.cwd()))

def name_standard_input(result, name: str | None) -> None:
    """Report text read from '-' under the --stdin-filename given for it."""
    if result.path == "-" and name:
        result.path = name
        result.findings = [f.replace(path=name) for f in result.findings]

def round_filter(known, changed):
    """What later rounds of fixes keep of a file's findings: all, or those the
    baseline does not hide and --diff-base does not leave out."""
    if known is None and changed is None:
        return None
    from garblint.linter.engine.baseline import apply_baseline
    from garblint.linter.engine.runner import FileResult

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
    from garblint.linter.engine.gitdiff import DiffBaseError, changed_lines

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
    from garblint.linter.engine.baseline import apply_baseline
    from garblint.linter.engine.fixes import FixRefused, fix_file, fix_text
    from garblint.linter.engine.runner import lint_files

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

    from garblint.linter.engine.fixes import FixRefused, fix_text

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
