"""The ``garblint`` command line: the arguments of each command, parsed here, and
the dispatch to the module that carries the command out."""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from garblint.linter import __version__
from garblint.linter.engine.findings import SEVERITIES
from garblint.linter.commands.session import EXIT_CLEAN, EXIT_ERROR, UsageError, error, refuse_overwriting_inputs, registered_reporters


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

class FormatChoices:
    """The ``--format`` names of the installed reporter plugins, looked up only when argparse asks."""

    def names(self) -> tuple[str, ...]:
        from garblint.linter.engine.plugins import PluginError, plugin_manager

        try:
            # The same cached manager a Linter without configured plugins uses.
            return tuple(registered_reporters(plugin_manager(())))
        except PluginError:
            # A broken plugin is reported in one line once linting starts; until then the built-ins stand.
            from garblint.linter.reporters import garblint_reporters

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


# Each command's module in linter/commands/ has a ``command(args) -> int``; it is imported only when run.
COMMANDS = {"check": "check", "rule": "catalogue", "compare": "compare", "eval": "evaluate", "pairs": "pairs",
            "scan": "scan", "completion": "completion"}


def main(argv: list[str] | None = None) -> int:
    from garblint.linter.engine.config import ConfigError
    from garblint.linter.engine.plugins import PluginError
    from garblint.linter.engine.runner import InputError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_ERROR
    try:
        if args.command != "scan":  # a scan's output is a folder, checked by the scan
            refuse_overwriting_inputs(args)
        if getattr(args, "write_baseline", None):
            from garblint.linter.engine.baseline import check_baseline_target

            check_baseline_target(args.write_baseline)
        module = importlib.import_module(f"garblint.linter.commands.{COMMANDS[args.command]}")
        return module.command(args)
    except (ConfigError, InputError, PluginError, UsageError) as exc:
        error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("garblint: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except RecursionError:
        error("input too deeply nested to parse")
        return EXIT_ERROR
    except Exception as exc:  # a bug: say so in one line, details on request
        if os.environ.get("GARBLINT_DEBUG"):
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (set GARBLINT_DEBUG=1 for details)")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
