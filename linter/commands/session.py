"""What every command shares: the effective configuration, the output stream,
the reporter look-up, the progress bar and the one exit-code rule."""
from __future__ import annotations

import os
import sys

from garblint.linter.engine.findings import severity_rank

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def error(message: str) -> None:
    sys.stderr.write(f"garblint: error: {message}\n")


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

    return adjust

def run_options(args):
    """The options of this run that no configuration file sets."""
    from garblint.linter.engine.config import RunOptions

    stdin_filename = getattr(args, "stdin_filename", None) or ""
    return RunOptions(
        stdin_format="markdown" if stdin_filename.lower().endswith((".md", ".markdown")) else "text",
        want_readability=bool(getattr(args, "stats", False) or getattr(args, "sort_by", "path") == "readability"),
    )


def load_effective_config(args):
    """The configuration found from the first path, with the command-line options over it."""
    from garblint.linter.engine.config import load_config

    config = load_config(
        paths=getattr(args, "paths", None),
        config_file=args.config,
        use_project_config=not args.no_config,
    )
    option_overrides(args)(config)
    return config

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


def exit_code(results, fail_on_for) -> int:
    """2 after a file error; 1 when a finding reaches the fail-on severity of its
    file's configuration (``fail_on_for(path)``); else 0."""
    if any(getattr(r, "error", None) for r in results):
        return EXIT_ERROR

    def fails(result) -> bool:
        fail_on = fail_on_for(result.path)
        return fail_on != "never" and any(severity_rank(f.severity) >= severity_rank(fail_on) for f in result.findings)

    return EXIT_FINDINGS if any(fails(r) for r in results) else EXIT_CLEAN


def report_and_exit(args, linter, results, baselined: int = 0, pool=None, default_stream=None) -> int:
    """Report ``results`` and return the exit code.

    With a ``pool``, each file is judged by its own configuration's fail-on and
    the reporters know every configuration's rules.
    """
    reporter_type = reporter_class(linter.manager, args.format)
    stream = open_output(args, [r.path for r in results], default_stream)
    from garblint.linter.engine.summary import document_stats, sort_results, summarize, weighted_readability

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
    return exit_code(results, lambda path: (pool.config_for(path) if pool is not None else linter.config).fail_on)

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
