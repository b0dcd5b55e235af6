import json
import shutil

from tests.conftest import ROOT, run_cli


def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    return folder


def test_finds_the_rewrite_pair_and_compares_it(tmp_path):
    folder = corpus(tmp_path)
    result = run_cli("pairs", str(folder), "--original-glob", "001_*", "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["documents"] == 5
    (pair,) = payload["pairs"]
    assert pair["original"].endswith("001_29b349637ee6e6ad.txt")
    assert pair["rewrite"].endswith("000_b581cc2d512466e3.txt")
    assert pair["basis"] == "--original-glob" and pair["similarity"] >= 0.5
    text = (folder / "000_b581cc2d512466e3.txt").read_text(encoding="utf-8")
    assert "isolate Iran" in [text[f["start"]:f["end"]] for f in pair["findings"]]
    assert result.returncode == 1


def test_without_a_known_original_it_does_not_guess(tmp_path):
    folder = corpus(tmp_path)
    result = run_cli("pairs", str(folder))
    assert " vs " in result.stdout and "direction unknown" in result.stdout


def test_unrelated_documents_make_no_pairs(tmp_path):
    folder = corpus(tmp_path)
    (folder / "000_b581cc2d512466e3.txt").unlink()
    result = run_cli("pairs", str(folder), "--format", "json")
    assert json.loads(result.stdout)["pairs"] == [] and result.returncode == 0


def test_dask_engine_finds_the_same_pairs(tmp_path):
    import pytest

    distributed = pytest.importorskip("dask.distributed")
    from garblint.linter.commands.pairs import candidate_pairs

    folder = corpus(tmp_path)
    files = sorted(str(p) for p in folder.glob("*.txt"))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        on_dask = candidate_pairs(files, engine="dask", scheduler=cluster.scheduler_address, partition_size=2)
    assert on_dask == candidate_pairs(files) != []
