"""Corpus scanning: score millions of documents, resumably, on one machine or Dask.

The corpus is one or more line-delimited JSON files (``.jsonl``, ``.ndjson``)
or Parquet files, each record holding a text field and an id. Planning reads
the corpus once: it checks every record, so bad input stops the scan before
anything is scored, notes the ids held by more than one record, and cuts the
corpus into partitions of ``partition_size`` records. Each partition is linted
as a unit and written atomically as one part file in the output folder
(``part-<file>-<partition>.jsonl`` or ``.parquet``).

A part file that exists is finished, so an interrupted scan resumes where it
stopped: no document is scored twice and none is lost. That holds only while
the partitions are cut as they were, so the first run writes a manifest beside
the part files (the corpus files with their sizes and modification times, the
fields, the partition size, the output format, the configuration and the
garblint version), and a resumed scan that differs from it is refused.

Before scoring, rules that compare documents (GL606 template-line) read the
whole corpus once more (``corpus_pass``): each record's lines are hashed and
counted in bounded memory (``garblint.linter.engine.corpus``), and what those rules keep of
the counts (the hashes of lines found in many records) goes with every
partition to the process that scores it.

With ``engine="dask"`` the partitions are tasks on a Dask cluster: each
worker reads its own partition from the corpus (which must be on a file
system the workers share) and writes its own part file.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from garblint.linter import __version__
from garblint.linter.engine.atomic import write_atomically
from garblint.linter.engine.runner import InputError

CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".json", ".parquet")
MANIFEST = "garblint-manifest.json"
MANIFEST_VERSION = 1
_UTF8_BOM = b"\xef\xbb\xbf"
_SURROGATE = re.compile("[\ud800-\udfff]")  # from JSON escapes such as "\ud800"; not writable as UTF-8


@dataclass(frozen=True)
class Partition:
    """A slice of one corpus file: JSON lines by byte range, Parquet by row range."""

    path: str
    file_index: int
    index: int
    start: int
    end: int
    label: str = ""  # the file relative to the corpus: names the records that have no id
    first: int = 1  # number of the partition's first line (JSON lines) or row (Parquet), from 1

    @property
    def name(self) -> str:
        return f"part-{self.file_index:04}-{self.index:06}"


@dataclass(frozen=True)
class ScanSettings:
    text_field: str = "text"
    id_field: str = "id"
    output_format: str = "jsonl"  # jsonl | parquet
    config_path: str | None = None
    use_project_config: bool = False


class RepeatedIds:
    """The ids held by more than one record.

    Ids seen once are kept only as their hashes (about 70 bytes each), so a
    corpus of ten million records needs well under a gigabyte; two ids with
    the same 64-bit hash would be reported as one repeated id.
    """

    def __init__(self) -> None:
        self._seen: set[int] = set()
        self.counts: dict[str, int] = {}  # id -> records holding it, in order of first repetition

    def add(self, record_id: str) -> None:
        key = hash(record_id)
        if key in self._seen:
            self.counts[record_id] = self.counts.get(record_id, 1) + 1
        else:
            self._seen.add(key)


@dataclass
class ScanPlan:
    output: str
    settings: ScanSettings
    partitions: list[Partition]
    todo: list[Partition]
    records: int
    repeated_ids: dict[str, int] = field(default_factory=dict)
    corpus: dict = field(default_factory=dict)  # summaries of the corpus pass, by rule code (garblint.linter.engine.corpus)


# -- reading the corpus -------------------------------------------------------

def corpus_files(corpus: str) -> list[Path]:
    root = Path(corpus)
    if not root.exists():
        raise InputError(f"{corpus}: no such file or directory")
    if root.is_file():
        files = [root]
    else:
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES)
    files = [p for p in files if p.suffix.lower() in CORPUS_SUFFIXES]
    if not files:
        raise InputError(f"{corpus}: no corpus files ({', '.join(CORPUS_SUFFIXES)})")
    return files


def _kind(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return {str: "a string", list: "an array", dict: "an object"}.get(type(value), type(value).__name__)


def _record_id(value, where: str, id_field: str) -> str | None:
    """The id as a string (integers are accepted), or None when the record has none."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{where}: field '{id_field}' must be a string or an integer, not {_kind(value)}")
    record_id = str(value)
    if _SURROGATE.search(record_id):
        raise InputError(f"{where}: field '{id_field}' holds an unpaired surrogate escape (not valid Unicode)")
    return record_id


def _json_record(raw: bytes, where: str, settings: ScanSettings, first_of_file: bool) -> tuple[str | None, str] | None:
    """(id or None, text) of one JSON line, or None for a blank line; ``where`` is "file:line"."""
    if first_of_file and raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM):]
    try:
        line = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: invalid UTF-8 at byte {exc.start + 1} of the line") from None
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    except ValueError as exc:  # e.g. an integer too long to convert
        raise InputError(f"{where}: invalid JSON: {exc}") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to parse") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: a record must be a JSON object, not {_kind(record)}")
    if settings.text_field not in record:
        raise InputError(f"{where}: the record has no '{settings.text_field}' field (choose the field with --text-field)")
    text = record[settings.text_field]
    if text is None:
        text = ""
    elif not isinstance(text, str):
        raise InputError(f"{where}: field '{settings.text_field}' must be a string, not {_kind(text)}")
    elif _SURROGATE.search(text):
        raise InputError(f"{where}: field '{settings.text_field}' holds an unpaired surrogate escape (not valid Unicode)")
    return _record_id(record.get(settings.id_field), where, settings.id_field), text


def _parquet_file(path: Path | str):
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{path}: reading Parquet needs pyarrow (pip install 'garblint[scan]')") from None
    try:
        return pq.ParquetFile(path)
    except (OSError, ValueError, pa.ArrowException) as exc:
        reason = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise InputError(f"{path}: not a readable Parquet file: {reason}") from None


def _holds_strings(arrow_type) -> bool:
    import pyarrow as pa

    if pa.types.is_dictionary(arrow_type):
        arrow_type = arrow_type.value_type
    return pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type) or (
        hasattr(pa.types, "is_string_view") and pa.types.is_string_view(arrow_type))


def _parquet_columns(parquet, path, settings: ScanSettings) -> list[str]:
    """The columns to read: the text, and the id if the file has one; checks their types."""
    import pyarrow as pa

    schema = parquet.schema_arrow
    if settings.text_field not in schema.names:
        raise InputError(f"{path}: no column '{settings.text_field}' (columns: {', '.join(schema.names)}; "
                         "choose the text column with --text-field)")
    text_type = schema.field(settings.text_field).type
    if not _holds_strings(text_type):
        raise InputError(f"{path}: column '{settings.text_field}' must hold strings, not {text_type}")
    if settings.id_field not in schema.names:
        return [settings.text_field]
    id_type = schema.field(settings.id_field).type
    if not (_holds_strings(id_type) or pa.types.is_integer(id_type)):
        raise InputError(f"{path}: column '{settings.id_field}' must hold strings or integers, not {id_type}")
    return [settings.text_field, settings.id_field]


# The row groups read last: partitions are usually smaller than a row group, and
# a process scoring the next partition of the same group would read it again.
_last_row_groups: dict = {}


def _parquet_rows(parquet, path, start: int, end: int, columns: list[str]):
    """Rows [start, end) of the given columns, reading only the row groups that hold them."""
    import pyarrow as pa

    groups, offset, first_offset = [], 0, None
    for group in range(parquet.num_row_groups):
        rows = parquet.metadata.row_group(group).num_rows
        if offset < end and start < offset + rows:
            groups.append(group)
            first_offset = offset if first_offset is None else first_offset
        offset += rows
    key = (str(path), os.stat(path).st_mtime_ns, tuple(groups), tuple(columns))
    table = _last_row_groups.get(key)
    if table is None:
        try:
            table = parquet.read_row_groups(groups, columns=columns)
        except (OSError, ValueError, pa.ArrowException) as exc:
            reason = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise InputError(f"{path}: cannot read rows {start + 1} to {end}: {reason}") from None
        _last_row_groups.clear()
        _last_row_groups[key] = table
    return table.slice(start - (first_offset or 0), end - start)


def _file_label(path: Path, corpus: Path) -> str:
    return path.name if corpus.is_file() else path.relative_to(corpus).as_posix()


def _survey_json_lines(path: Path, file_index: int, label: str, partition_size: int, settings: ScanSettings,
                       ids: RepeatedIds) -> tuple[list[Partition], int]:
    partitions: list[Partition] = []
    start, first, number, records = 0, 1, 0, 0
    try:
        with open(path, "rb") as handle:
            for raw in handle:
                number += 1
                parsed = _json_record(raw, f"{path}:{number}", settings, number == 1)
                if parsed is not None:
                    records += 1
                    ids.add(parsed[0] or f"{label}:{number}")
                if number % partition_size == 0:
                    end = handle.tell()
                    partitions.append(Partition(str(path), file_index, len(partitions), start, end, label, first))
                    start, first = end, number + 1
            end = handle.tell()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if end > start:
        partitions.append(Partition(str(path), file_index, len(partitions), start, end, label, first))
    return partitions, records


def _survey_parquet(path: Path, file_index: int, label: str, partition_size: int, settings: ScanSettings,
                    ids: RepeatedIds) -> tuple[list[Partition], int]:
    parquet = _parquet_file(path)
    columns = _parquet_columns(parquet, path, settings)
    rows = parquet.metadata.num_rows
    if len(columns) == 2:
        import pyarrow as pa

        row = 0
        try:
            for batch in parquet.iter_batches(columns=[settings.id_field], batch_size=65536):
                for value in batch.column(0).to_pylist():
                    row += 1
                    ids.add(f"{label}:{row}" if value is None else str(value))
        except (OSError, ValueError, pa.ArrowException) as exc:
            reason = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise InputError(f"{path}: cannot read column '{settings.id_field}': {reason}") from None
    else:
        for row in range(1, rows + 1):
            ids.add(f"{label}:{row}")
    partitions = [
        Partition(str(path), file_index, index, start, min(rows, start + partition_size), label, start + 1)
        for index, start in enumerate(range(0, rows, partition_size))
    ]
    return partitions, rows


def survey(corpus: str, partition_size: int, settings: ScanSettings | None = None) -> tuple[list[Partition], int, RepeatedIds]:
    """Check every record and cut the corpus into partitions: (partitions, records, repeated ids)."""
    settings = settings or ScanSettings()
    if partition_size < 1:
        raise InputError("the partition size must be at least 1")
    root = Path(corpus)
    partitions: list[Partition] = []
    records = 0
    ids = RepeatedIds()
    for file_index, path in enumerate(corpus_files(corpus)):
        survey_file = _survey_parquet if path.suffix.lower() == ".parquet" else _survey_json_lines
        found, count = survey_file(path, file_index, _file_label(path, root), partition_size, settings, ids)
        partitions.extend(found)
        records += count
    return partitions, records, ids


def plan(corpus: str, partition_size: int, settings: ScanSettings | None = None) -> list[Partition]:
    """Cut the corpus into partitions (checking every record on the way)."""
    return survey(corpus, partition_size, settings)[0]


def read_partition(partition: Partition, settings: ScanSettings) -> Iterator[tuple[str, str]]:
    """(id, text) for every record of a partition."""
    if partition.path.lower().endswith(".parquet"):
        parquet = _parquet_file(partition.path)
        columns = _parquet_columns(parquet, partition.path, settings)
        table = _parquet_rows(parquet, partition.path, partition.start, partition.end, columns)
        texts = table.column(settings.text_field).to_pylist()
        ids = table.column(settings.id_field).to_pylist() if len(columns) == 2 else [None] * len(texts)
        for offset, (record_id, text) in enumerate(zip(ids, texts)):
            row = partition.first + offset
            yield (f"{partition.label}:{row}" if record_id is None else str(record_id)), text or ""
        return
    try:
        with open(partition.path, "rb") as handle:
            handle.seek(partition.start)
            data = handle.read(partition.end - partition.start)
    except OSError as exc:
        raise InputError(f"{partition.path}: cannot read: {exc.strerror or exc}") from None
    # Lines are split exactly as the survey split them, so numbers and ids agree.
    for offset, raw in enumerate(io.BytesIO(data)):
        number = partition.first + offset
        parsed = _json_record(raw, f"{partition.path}:{number}", settings, partition.start == 0 and offset == 0)
        if parsed is not None:
            record_id, text = parsed
            yield record_id or f"{partition.label}:{number}", text


# -- scoring ------------------------------------------------------------------

_linters: dict = {}


def _linter(settings: ScanSettings):
    """One loaded configuration per process (workers reuse it across partitions)."""
    key = (settings.config_path, settings.use_project_config)
    if key not in _linters:
        from garblint.linter.engine.config import load_config
        from garblint.linter.engine.runner import Linter

        _linters[key] = Linter(load_config(config_file=settings.config_path, use_project_config=settings.use_project_config))
    return _linters[key]


def score_partition(partition: Partition, settings: ScanSettings, output: str, corpus: dict | None = None) -> int:
    """Lint one partition and write its part file atomically; returns the record count."""
    from garblint.linter.api import summarize_findings

    linter = _linter(settings)
    linter.set_corpus(corpus or {})
    records = []
    for record_id, text in read_partition(partition, settings):
        result = linter.lint_text(text, "<text>")
        summary = summarize_findings(result.findings, result.words)
        records.append({
            "id": record_id,
            "score": summary["garble_score"],
            "words": result.words,
            "counts": summary["by_family"],
            "findings": [_compact(f) for f in result.findings],
            # What could not be linted as asked (a rule stopped by its budget...), so nothing is lost silently.
            "notes": result.notes,
        })
    write_part(Path(output), partition.name, records, settings.output_format)
    return len(records)


def _compact(finding) -> dict:
    data = finding.to_dict()
    data.pop("path", None)
    return data


def _write_atomically(target: Path, write) -> None:
    """Call ``write(temporary path)``, then move the file into place: ``target`` exists only complete."""
    try:
        write_atomically(target, write, prefix=f".{target.stem}-", suffix="")
    except OSError as exc:
        raise InputError(f"{target}: cannot write: {exc.strerror or exc}") from None


def write_part(folder: Path, name: str, records: list[dict], fmt: str) -> None:
    def write(tmp: str) -> None:
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            rows = [{**r, "counts": json.dumps(r["counts"]), "findings": json.dumps(r["findings"], ensure_ascii=False)} for r in records]
            schema = pa.schema([("id", pa.string()), ("score", pa.float64()), ("words", pa.int64()), ("counts", pa.string()),
                                ("findings", pa.string()), ("notes", pa.list_(pa.string()))])
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
        else:
            with open(tmp, "w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: cannot create the output folder: {exc.strerror or exc}") from None
    _write_atomically(folder / f"{name}.{fmt}", write)


def pending(partitions: list[Partition], output: str, fmt: str) -> list[Partition]:
    folder = Path(output)
    return [p for p in partitions if not (folder / f"{p.name}.{fmt}").exists()]


# -- the manifest -------------------------------------------------------------

def manifest(files: list[Path], settings: ScanSettings, partition_size: int, partitions: int) -> dict:
    """What the part files of a scan depend on."""
    config = None
    if settings.config_path:
        config_path = Path(settings.config_path)
        config = {"path": str(config_path.resolve()), "sha256": hashlib.sha256(config_path.read_bytes()).hexdigest()}
    corpus = []
    for path in files:
        status = path.stat()
        corpus.append({"path": str(path.resolve()), "size": status.st_size, "mtime_ns": status.st_mtime_ns})
    return {
        "manifest": MANIFEST_VERSION,
        "garblint": __version__,
        "corpus": corpus,
        "text_field": settings.text_field,
        "id_field": settings.id_field,
        "partition_size": partition_size,
        "format": settings.output_format,
        "config": config,
        "partitions": partitions,
    }


def manifest_differences(recorded: dict, current: dict) -> list[str]:
    """How the scan asked for differs from the one recorded, one phrase per difference."""
    differences = []
    if recorded.get("garblint") != current["garblint"]:
        differences.append(f"it was begun by garblint {recorded.get('garblint')}, this is {current['garblint']}")
    for key, option in (("partition_size", "--partition-size"), ("text_field", "--text-field"),
                        ("id_field", "--id-field"), ("format", "--format")):
        if recorded.get(key) != current[key]:
            differences.append(f"{option} {current[key]} here, {recorded.get(key)} when it began")
    old_config, new_config = recorded.get("config"), current["config"]
    if old_config != new_config:
        if old_config and new_config and old_config.get("path") == new_config["path"]:
            differences.append(f"the configuration file {new_config['path']} changed since it began")
        else:
            def describe(config):
                return f"--config {config['path']}" if isinstance(config, dict) else "no --config"
            differences.append(f"{describe(new_config)} here, {describe(old_config)} when it began")
    old_files = {f.get("path"): f for f in recorded.get("corpus") or [] if isinstance(f, dict)}
    new_files = {f["path"]: f for f in current["corpus"]}
    changes = [f"corpus file {path} is new" for path in new_files if path not in old_files]
    changes += [f"corpus file {path} is gone" for path in old_files if path not in new_files]
    for path, now in new_files.items():
        then = old_files.get(path)
        if then and then != now:
            what = f"size {then.get('size')} -> {now['size']} bytes" if then.get("size") != now["size"] else "modified"
            changes.append(f"corpus file {path} changed since it began ({what})")
    if len(changes) > 3:
        changes = changes[:3] + [f"{len(changes) - 3} more corpus files differ"]
    return differences + changes


def claim_output(folder: Path, current: dict) -> None:
    """Write the manifest into a new output folder, or check that the one there matches."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: exists and is not a folder (the output of a scan is a folder of part files)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: cannot create the output folder: {exc.strerror or exc}") from None
    path = folder / MANIFEST
    if path.exists():
        try:
            recorded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            recorded = None
        if not isinstance(recorded, dict):
            raise InputError(f"{path}: unreadable scan manifest; write to a new output folder")
        differences = manifest_differences(recorded, current)
        if differences:
            raise InputError(f"{folder}: cannot resume this scan: {'; '.join(differences)}. "
                             "Resume it with the options and corpus it began with, or write to a new output folder")
        return
    if any(folder.glob("part-*")):
        raise InputError(f"{folder}: holds part files but no {MANIFEST}, so they cannot be matched with this corpus; "
                         "write to a new output folder")

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(current, handle, indent=1)
            handle.write("\n")

    _write_atomically(path, write)


def _check_output_outside_corpus(corpus: str, output: str) -> None:
    root, folder = Path(corpus).resolve(), Path(output).resolve()
    if root.is_dir() and (folder == root or root in folder.parents):
        raise InputError(f"{output}: the output folder is inside the corpus folder {corpus}, "
                         "so its part files would be read as corpus files; write elsewhere")
    if folder == root:
        raise InputError(f"{output}: the output folder is the corpus file itself")


# -- running ------------------------------------------------------------------

def prepare(corpus: str, output: str, settings: ScanSettings, partition_size: int = 1000) -> ScanPlan:
    """Check the corpus, the options and the output folder; plan what is left to score."""
    if settings.output_format not in ("jsonl", "parquet"):
        raise InputError(f"unknown output format {settings.output_format!r} (jsonl or parquet)")
    _check_output_outside_corpus(corpus, output)
    files = corpus_files(corpus)
    _linter(settings)  # a bad configuration stops the scan before anything is written
    partitions, records, ids = survey(corpus, partition_size, settings)
    if records == 0:
        raise InputError(f"{corpus}: the corpus holds no records")
    claim_output(Path(output), manifest(files, settings, partition_size, len(partitions)))
    todo = pending(partitions, output, settings.output_format)
    corpus = corpus_pass(partitions, settings) if todo and records > 1 else {}
    return ScanPlan(output, settings, partitions, todo, records, ids.counts, corpus)


def corpus_pass(partitions: list[Partition], settings: ScanSettings) -> dict:
    """Read every record once more for the rules that compare documents (GL606 template-line).

    The whole corpus is read, even on a resumed scan, so the parts written
    before and after an interruption are scored against the same counts.
    """
    from garblint.linter.engine.corpus import collect

    linter = _linter(settings)
    if not linter.has_corpus_rules():
        return {}
    return collect(linter, ((text, "<text>") for partition in partitions
                            for _, text in read_partition(partition, settings)))


def _score_in_pool(args):
    return score_partition(*args)


def run(plan: ScanPlan, engine: str = "local", jobs: int = 1, scheduler: str | None = None, progress=None) -> dict:
    """Score the partitions of ``plan`` that have no part file yet."""
    todo, settings, output = plan.todo, plan.settings, plan.output
    done = 0
    if engine == "dask":
        done = _scan_dask(todo, settings, output, scheduler, progress, plan.corpus)
    elif jobs > 1 and len(todo) > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            for count in pool.imap_unordered(_score_in_pool, [(p, settings, output, plan.corpus) for p in todo]):
                done += count
                if progress:
                    progress()
    else:
        for partition in todo:
            done += score_partition(partition, settings, output, plan.corpus)
            if progress:
                progress()
    return {
        "partitions": len(plan.partitions),
        "skipped": len(plan.partitions) - len(todo),
        "scored_partitions": len(todo),
        "documents": done,
        "records": plan.records,
        "repeated_ids": plan.repeated_ids,
    }


def scan(
    corpus: str,
    output: str,
    settings: ScanSettings,
    partition_size: int = 1000,
    engine: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
    progress=None,
) -> dict:
    """Score every document of ``corpus`` into part files under ``output``."""
    return run(prepare(corpus, output, settings, partition_size), engine, jobs, scheduler, progress)


def _scan_dask(todo: list[Partition], settings: ScanSettings, output: str, scheduler: str | None, progress,
               corpus: dict | None = None) -> int:
    from garblint.linter.commands.cluster import dask_client

    done = 0
    with dask_client(scheduler) as client:
        from dask.distributed import as_completed

        output = str(Path(output).resolve())
        futures = [client.submit(score_partition, p, settings, output, corpus, key=f"garblint-{p.name}", pure=False) for p in todo]
        for future in as_completed(futures):
            done += future.result()
            if progress:
                progress()
    return done


def read_results(output: str) -> list[dict]:
    """Every record in an output folder, in partition order (for tests and merging)."""
    records = []
    for part in sorted(Path(output).glob("part-*")):
        if part.suffix == ".parquet":
            import pyarrow.parquet as pq

            for row in pq.read_table(part).to_pylist():
                row["counts"] = json.loads(row["counts"])
                row["findings"] = json.loads(row["findings"])
                records.append(row)
        else:
            with open(part, encoding="utf-8") as handle:
                records.extend(json.loads(line) for line in handle if line.strip())
    return records


# -- the command ---------------------------------------------------------------

def command(args) -> int:
    """``garblint scan``."""
    import os
    import sys

    from garblint.linter.commands.session import EXIT_CLEAN, Progress, UsageError

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
    import sys

    """One line: how many ids more than one record holds, and the first few."""
    examples = ", ".join(f"{record_id!r} ({n})" for record_id, n in list(counts.items())[:shown])
    more = f" and {len(counts) - shown} more" if len(counts) > shown else ""
    ids = f"{len(counts)} id{'s' if len(counts) != 1 else ''}"
    sys.stderr.write(
        f"garblint: warning: {ids} held by more than one record ({sum(counts.values())} records): {examples}{more}; "
        "every record is scored, so the output has one result per record, not per id\n"
    )
