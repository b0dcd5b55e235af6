import json

import pytest

from linter.scan import ScanSettings, plan, read_results, scan
from tests.conftest import run_cli

TEXTS = [
    "The players were able to to go home after the match.",
    "A perfectly ordinary sentence about the weather.",
    "The the committee met on Tuesday and and voted.",
    "Nothing to see here, just clean prose.",
    "Officials said the plan was sound.",
] * 3


def write_corpus(folder, name="corpus.jsonl"):
    path = folder / name
    with open(path, "w") as handle:
        for i, text in enumerate(TEXTS):
            handle.write(json.dumps({"id": f"doc-{i}", "body": text}) + "\n")
    return path


def by_id(records):
    return {r["id"]: r for r in records}


def test_scan_writes_one_record_per_document(tmp_path):
    corpus = write_corpus(tmp_path)
    report = scan(str(corpus), str(tmp_path / "out"), ScanSettings(text_field="body"), partition_size=4)
    assert report == {"partitions": 4, "skipped": 0, "scored_partitions": 4, "documents": len(TEXTS)}
    records = by_id(read_results(str(tmp_path / "out")))
    assert len(records) == len(TEXTS)
    assert records["doc-0"]["counts"] == {"repetition": 1} and records["doc-0"]["score"] > 0
    assert records["doc-1"]["findings"] == [] and records["doc-1"]["score"] == 0
    assert records["doc-2"]["findings"][0]["code"] == "GL101"


def test_scan_resumes_without_scoring_twice_or_losing_any(tmp_path):
    corpus = write_corpus(tmp_path)
    out = tmp_path / "out"
    scan(str(corpus), str(out), ScanSettings(text_field="body"), partition_size=4)
    parts = sorted(out.glob("part-*"))
    parts[1].unlink()  # as if the run had stopped before this partition finished
    (out / ".part-0000-000002-abc").write_text("half-written")  # a torn temporary file
    report = scan(str(corpus), str(out), ScanSettings(text_field="body"), partition_size=4)
    assert report["skipped"] == 3 and report["scored_partitions"] == 1
    ids = [r["id"] for r in read_results(str(out))]
    assert sorted(ids) == sorted(f"doc-{i}" for i in range(len(TEXTS)))
    assert len(ids) == len(set(ids))


def test_parquet_in_and_out(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": [f"doc-{i}" for i in range(len(TEXTS))], "text": TEXTS})
    pq.write_table(table, tmp_path / "corpus.parquet")
    assert len(plan(str(tmp_path / "corpus.parquet"), 6)) == 3
    scan(str(tmp_path / "corpus.parquet"), str(tmp_path / "out"), ScanSettings(output_format="parquet"), partition_size=6)
    records = by_id(read_results(str(tmp_path / "out")))
    assert len(records) == len(TEXTS) and records["doc-2"]["counts"] == {"repetition": 2}


def test_scan_command_line(tmp_path):
    corpus = write_corpus(tmp_path)
    result = run_cli("scan", str(corpus), "--output", str(tmp_path / "out"), "--text-field", "body", "--partition-size", "5")
    assert result.returncode == 0, result.stderr
    assert f"scored {len(TEXTS)} documents in 3 partitions" in result.stderr
    again = run_cli("scan", str(corpus), "--output", str(tmp_path / "out"), "--text-field", "body", "--partition-size", "5")
    assert "scored 0 documents in 0 partitions (3 already done)" in again.stderr
    missing = run_cli("scan", str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o2"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_dask_local_cluster_gives_the_same_output(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    corpus = write_corpus(tmp_path)
    settings = ScanSettings(text_field="body")
    scan(str(corpus), str(tmp_path / "single"), settings, partition_size=3)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        report = scan(str(corpus), str(tmp_path / "dask"), settings, partition_size=3, engine="dask", scheduler=cluster.scheduler_address)
    assert report["documents"] == len(TEXTS)
    assert by_id(read_results(str(tmp_path / "dask"))) == by_id(read_results(str(tmp_path / "single")))
    assert sorted(p.name for p in (tmp_path / "dask").glob("part-*")) == sorted(p.name for p in (tmp_path / "single").glob("part-*"))
