"""Corpus scanning: score millions of documents, resumably, on one machine or Dask.

The corpus is one or more line-delimited JSON files (``.jsonl``, ``.ndjson``)
or Parquet files, each record holding a text field and an id. The corpus is
cut into partitions of ``partition_size`` records; each partition is linted
as a unit and written atomically as one part file in the output folder
(``part-<file>-<partition>.jsonl`` or ``.parquet``). A part file that exists
is finished, so an interrupted scan resumes where it stopped: no document is
scored twice and none is lost.

With ``engine="dask"`` the partitions are tasks on a Dask cluster: each
worker reads its own partition from the corpus (which must be on a file
system the workers share) and writes its own part file.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .runner import InputError

CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".json", ".parquet")


@dataclass(frozen=True)
class Partition:
    """A slice of one corpus file: JSON lines by byte range, Parquet by row range."""

    path: str
    file_index: int
    index: int
    start: int
    end: int

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


def plan(corpus: str, partition_size: int) -> list[Partition]:
    """Cut the corpus into partitions (one pass over line boundaries or Parquet metadata)."""
    partitions: list[Partition] = []
    for file_index, path in enumerate(corpus_files(corpus)):
        if path.suffix.lower() == ".parquet":
            rows = _parquet_rows(path)
            for index, start in enumerate(range(0, rows, partition_size)):
                partitions.append(Partition(str(path), file_index, index, start, min(rows, start + partition_size)))
            continue
        offsets = [0]
        count = 0
        with open(path, "rb") as handle:
            for line in handle:
                count += 1
                if count % partition_size == 0:
                    offsets.append(handle.tell())
            size = handle.tell()
        if offsets[-1] != size:
            offsets.append(size)
        for index, (start, end) in enumerate(zip(offsets, offsets[1:])):
            partitions.append(Partition(str(path), file_index, index, start, end))
    return partitions


def _parquet_rows(path: Path) -> int:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{path}: reading Parquet needs pyarrow (pip install 'garblint[scan]')") from None
    return pq.ParquetFile(path).metadata.num_rows


def read_partition(partition: Partition, settings: ScanSettings) -> Iterator[tuple[str, str]]:
    """(id, text) for every record of a partition."""
    if partition.path.lower().endswith(".parquet"):
        import pyarrow.parquet as pq

        table = pq.read_table(partition.path, columns=[settings.id_field, settings.text_field])
        table = table.slice(partition.start, partition.end - partition.start)
        for record_id, text in zip(table.column(settings.id_field).to_pylist(), table.column(settings.text_field).to_pylist()):
            yield str(record_id), text or ""
        return
    with open(partition.path, "rb") as handle:
        handle.seek(partition.start)
        data = handle.read(partition.end - partition.start)
    for number, raw in enumerate(data.splitlines()):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError:
            raise InputError(f"{partition.path}: invalid JSON in partition {partition.index}, record {number + 1}") from None
        if settings.text_field not in record:
            raise InputError(f"{partition.path}: a record has no '{settings.text_field}' field")
        record_id = record.get(settings.id_field, f"{partition.file_index}:{partition.start}:{number}")
        yield str(record_id), str(record[settings.text_field] or "")


_linters: dict = {}


def _linter(settings: ScanSettings):
    """One loaded configuration per process (workers reuse it across partitions)."""
    key = (settings.config_path, settings.use_project_config)
    if key not in _linters:
        from .config import load_config
        from .runner import Linter

        _linters[key] = Linter(load_config(config_file=settings.config_path, use_project_config=settings.use_project_config))
    return _linters[key]


def score_partition(partition: Partition, settings: ScanSettings, output: str) -> int:
    """Lint one partition and write its part file atomically; returns the record count."""
    from .api import summarize_findings

    linter = _linter(settings)
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
        })
    write_part(Path(output), partition.name, records, settings.output_format)
    return len(records)


def _compact(finding) -> dict:
    data = finding.to_dict()
    data.pop("path", None)
    return data


def write_part(folder: Path, name: str, records: list[dict], fmt: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.{fmt}"
    fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
    os.close(fd)
    try:
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            rows = [{**r, "counts": json.dumps(r["counts"]), "findings": json.dumps(r["findings"], ensure_ascii=False)} for r in records]
            schema = pa.schema([("id", pa.string()), ("score", pa.float64()), ("words", pa.int64()), ("counts", pa.string()), ("findings", pa.string())])
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
        else:
            with open(tmp, "w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp, target)  # the part exists only once it is complete
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def pending(partitions: list[Partition], output: str, fmt: str) -> list[Partition]:
    folder = Path(output)
    return [p for p in partitions if not (folder / f"{p.name}.{fmt}").exists()]


def _score_in_pool(args):
    return score_partition(*args)


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
    if settings.output_format not in ("jsonl", "parquet"):
        raise InputError(f"unknown output format {settings.output_format!r} (jsonl or parquet)")
    partitions = plan(corpus, partition_size)
    todo = pending(partitions, output, settings.output_format)
    Path(output).mkdir(parents=True, exist_ok=True)
    done = 0
    if engine == "dask":
        done = _scan_dask(todo, settings, output, scheduler, progress)
    elif jobs > 1 and len(todo) > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            for count in pool.imap_unordered(_score_in_pool, [(p, settings, output) for p in todo]):
                done += count
                if progress:
                    progress()
    else:
        for partition in todo:
            done += score_partition(partition, settings, output)
            if progress:
                progress()
    return {"partitions": len(partitions), "skipped": len(partitions) - len(todo), "scored_partitions": len(todo), "documents": done}


def _scan_dask(todo: list[Partition], settings: ScanSettings, output: str, scheduler: str | None, progress) -> int:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise InputError("the Dask engine needs dask.distributed (pip install 'garblint[dask]')") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(processes=True, host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    done = 0
    try:
        output = str(Path(output).resolve())
        futures = [client.submit(score_partition, p, settings, output, key=f"garblint-{p.name}", pure=False) for p in todo]
        for future in as_completed(futures):
            done += future.result()
            if progress:
                progress()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
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
