import json
import os
import signal
import subprocess
import sys
import time

import pytest

from garblint.linter.commands.scan import ScanSettings, plan, read_results, scan
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
    assert report == {"partitions": 4, "skipped": 0, "scored_partitions": 4, "documents": len(TEXTS),
                      "records": len(TEXTS), "repeated_ids": {}}
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
    assert "warning" not in result.stderr
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


# -- resuming safely -----------------------------------------------------------

def write_numbered_corpus(path, count, ids=None):
    with open(path, "w") as handle:
        for i in range(count):
            record_id = ids[i] if ids else f"doc-{i}"
            handle.write(json.dumps({"id": record_id, "body": TEXTS[i % len(TEXTS)]}) + "\n")
    return path


def scan_cli(corpus, out, *options):
    return run_cli("scan", str(corpus), "-o", str(out), "--text-field", "body", *options)


def output_ids(out):
    return [r["id"] for r in read_results(str(out))]


def assert_refused(result, *fragments):
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("garblint: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_resume_with_another_partition_size_is_refused(tmp_path):
    corpus = write_numbered_corpus(tmp_path / "corpus.jsonl", 60)
    out = tmp_path / "out"
    assert scan_cli(corpus, out, "--partition-size", "10").returncode == 0
    for part in sorted(out.glob("part-*"))[2:4]:
        part.unlink()  # as if the run had been stopped before these partitions
    for size in ("7", "25"):  # more and fewer partitions than the part files were cut into
        assert_refused(scan_cli(corpus, out, "--partition-size", size),
                       "cannot resume", f"--partition-size {size} here, 10 when it began", "new output folder")
    assert len(list(out.glob("part-*"))) == 4  # the refusal wrote nothing
    resumed = scan_cli(corpus, out, "--partition-size", "10")
    assert resumed.returncode == 0 and "scored 20 documents in 2 partitions (4 already done)" in resumed.stderr
    assert sorted(output_ids(out)) == sorted(f"doc-{i}" for i in range(60))


def test_resume_with_other_fields_or_format_is_refused(tmp_path):
    corpus = write_numbered_corpus(tmp_path / "corpus.jsonl", 12)
    out = tmp_path / "out"
    assert scan_cli(corpus, out, "--partition-size", "5").returncode == 0
    assert_refused(scan_cli(corpus, out, "--partition-size", "5", "--format", "parquet"), "--format parquet here, jsonl")
    assert_refused(scan_cli(corpus, out, "--partition-size", "5", "--id-field", "key"), "--id-field key here, id")
    config = tmp_path / "rules.yaml"
    config.write_text("ignore: [GL101]\n")
    assert_refused(scan_cli(corpus, out, "--partition-size", "5", "--config", str(config)), f"--config {config}")


def test_part_files_without_a_manifest_are_refused(tmp_path):
    corpus = write_numbered_corpus(tmp_path / "corpus.jsonl", 12)
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-0000-000000.jsonl").write_text('{"id": "doc-0"}\n')
    assert_refused(scan_cli(corpus, out), "part files but no garblint-manifest.json")


def test_changed_corpus_file_is_detected(tmp_path):
    corpus = write_numbered_corpus(tmp_path / "corpus.jsonl", 30)
    out = tmp_path / "out"
    assert scan_cli(corpus, out, "--partition-size", "10").returncode == 0
    sorted(out.glob("part-*"))[-1].unlink()
    with open(corpus, "a") as handle:  # records appended: the last partition would now hold other records
        handle.write(json.dumps({"id": "late", "body": "A late record."}) + "\n")
    assert_refused(scan_cli(corpus, out, "--partition-size", "10"), f"corpus file {corpus} changed", "size")

    corpus = write_numbered_corpus(tmp_path / "same-size.jsonl", 30)
    out = tmp_path / "out2"
    assert scan_cli(corpus, out, "--partition-size", "10").returncode == 0
    text = corpus.read_text()
    corpus.write_text(text.replace("doc-1", "doc-X"))  # same size, other content
    status = corpus.stat()
    os.utime(corpus, ns=(status.st_atime_ns, status.st_mtime_ns + 10**9))
    assert_refused(scan_cli(corpus, out, "--partition-size", "10"), f"corpus file {corpus} changed", "modified")


def test_file_added_to_a_corpus_folder_is_detected(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_numbered_corpus(folder / "a.jsonl", 8)
    out = tmp_path / "out"
    assert scan_cli(folder, out, "--partition-size", "4").returncode == 0
    write_numbered_corpus(folder / "0-first.jsonl", 3, ids=["x0", "x1", "x2"])  # sorts first: renumbers every part
    assert_refused(scan_cli(folder, out, "--partition-size", "4"), "0-first.jsonl is new")


def test_killed_scan_resumes_with_every_id_once(tmp_path):
    count = 1000
    corpus = write_numbered_corpus(tmp_path / "corpus.jsonl", count)
    out = tmp_path / "out"
    environment = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "garblint", "scan", str(corpus), "-o", str(out), "--text-field", "body",
               "--partition-size", "10", "--quiet"]
    process = subprocess.Popen(command, cwd=os.path.dirname(os.path.dirname(__file__)), env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(list(out.glob("part-*"))) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    finished = len(list(out.glob("part-*.jsonl")))
    assert 3 <= finished < count // 10, "the scan was not stopped part way"
    resumed = scan_cli(corpus, out, "--partition-size", "10")
    assert resumed.returncode == 0, resumed.stderr
    assert f"({finished} already done)" in resumed.stderr
    ids = output_ids(out)
    assert len(ids) == count and set(ids) == {f"doc-{i}" for i in range(count)}


# -- duplicate ids ---------------------------------------------------------------

def test_duplicate_ids_are_reported_and_every_record_is_scored(tmp_path):
    ids = [f"doc-{i}" for i in range(20)]
    ids[7] = ids[15] = ids[19] = "doc-2"  # across partitions
    ids[11] = "doc-4"
    corpus = write_numbered_corpus(tmp_path / "corpus.jsonl", 20, ids=ids)
    result = scan_cli(corpus, tmp_path / "out", "--partition-size", "6", "--quiet")
    assert result.returncode == 0, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("garblint: warning: 2 ids held by more than one record (6 records)")
    assert "'doc-2' (4), 'doc-4' (2)" in line
    assert sorted(output_ids(tmp_path / "out")) == sorted(ids)


def test_a_record_whose_rule_was_stopped_says_so(cli, tmp_path):
    corpus = tmp_path / "flood.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Delegates met. " + "the the " * 1200}) + "\n")
    result = cli("scan", str(corpus), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    record = json.loads(next((tmp_path / "out").glob("part-*.jsonl")).read_text())
    assert record["notes"] == ["GL101 (doubled-word) stopped at 1000 findings; the rest are not reported"]
