"""Every bad input gets one line on standard error and exit code 2, never a traceback."""
import os

import pytest

from tests.conftest import SEEDS, run_cli

SEED_FOLDER = str(SEEDS)


def assert_one_line_error(result, *fragments):
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def project(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    return tmp_path


def test_missing_path(project):
    assert_one_line_error(run_cli("check", str(project / "nope.txt")), "nope.txt", "no such file")


def test_directory_without_lintable_files(project):
    folder = project / "empty"
    folder.mkdir()
    (folder / "image.png").write_bytes(b"\x89PNG")
    assert_one_line_error(run_cli("check", str(folder)), "empty", "no lintable files")


def test_binary_file(project):
    path = project / "data.txt"
    path.write_bytes(b"abc\x00\x01\x02")
    assert_one_line_error(run_cli("check", str(path)), "data.txt", "binary")


def test_invalid_utf8(project):
    path = project / "latin1.txt"
    path.write_bytes("café au lait".encode("latin-1"))
    assert_one_line_error(run_cli("check", str(path)), "latin1.txt", "invalid UTF-8")


def test_symlink_loop(project):
    loop = project / "loop.txt"
    os.symlink(loop, loop)
    assert_one_line_error(run_cli("check", str(loop)), "loop.txt", "symbolic link loop")


def test_unreadable_file(project, monkeypatch, capsys):
    # Run in-process: the tests may run as root, who can read any file.
    from garblint.linter import cli

    path = project / "secret.txt"
    path.write_text("text")
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    assert cli.main(["check", "--no-config", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"garblint: error: {path}: permission denied"]


def test_invalid_config(project):
    (project / ".garblint.yaml").write_text("select: [ALL]\nfail-on: sometimes\n")
    (project / "a.txt").write_text("Fine.\n")
    assert_one_line_error(run_cli("check", str(project / "a.txt")), ".garblint.yaml:2", "fail-on")


def test_bad_file_among_good_ones_still_lints_the_rest(project):
    (project / "good.txt").write_text("The players were able to to go.\n")
    (project / "bad.txt").write_bytes(b"\xff\xfe broken")
    result = run_cli("check", "--format", "json", str(project))
    assert result.returncode == 2
    assert "bad.txt" in result.stderr and "Traceback" not in result.stderr
    assert '"GL101"' in result.stdout


def test_empty_file_is_clean(project):
    path = project / "empty.md"
    path.write_text("")
    result = run_cli("check", str(path))
    assert result.returncode == 0 and result.stderr == ""


def test_bom_is_accepted(project):
    path = project / "bom.txt"
    path.write_bytes("\ufeffThe players were able to to go.\n".encode("utf-8"))
    result = run_cli("check", "--format", "json", str(path))
    assert result.returncode == 1


def test_unknown_plugin_module_is_one_line(project):
    (project / ".garblint.yaml").write_text("plugins: [no_such_plugin_module]\n")
    (project / "a.txt").write_text("Fine.\n")
    assert_one_line_error(run_cli("check", str(project / "a.txt")), "no_such_plugin_module")


def test_huge_file_is_linted_in_bounded_memory(project):
    # About 30 MB of prose with one artifact near the end: read whole, its tokens alone
    # would take more memory than the bound below.
    paragraph = ("The committee met on Tuesday and agreed to publish its findings next month. " * 6 + "\n\n")
    count = 30_000_000 // len(paragraph)
    path = project / "huge.txt"
    with open(path, "w") as handle:
        for _ in range(count):
            handle.write(paragraph)
        handle.write("At the end they were able to to go.\n")
    result = run_cli("check", "--select", "GL101", "--format", "json", str(path))
    assert result.returncode == 1, result.stderr
    import json

    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["line"] == count * 2 + 1
    import resource

    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak_kib < 600 * 1024, f"peak memory {peak_kib // 1024} MiB"


# -- scan: bad corpora ------------------------------------------------------------

def scan(corpus, out, *options):
    return run_cli("scan", str(corpus), "-o", str(out), *options)


@pytest.mark.parametrize("lines, fragments", [
    (['{"id": "a", "text": "Fine."}', "[1, 2]"], [":2:", "must be a JSON object, not an array"]),
    (['"just a string"'], [":1:", "not a string"]),
    (["3"], [":1:", "not a number"]),
    (['{"id": "a", "text": "Fine."}', '{"id": "b", "text": '], [":2:", "invalid JSON"]),
    (['{"id": "a", "body": "Fine."}'], [":1:", "no 'text' field", "--text-field"]),
    (['{"id": "a", "text": 12}'], [":1:", "field 'text' must be a string, not a number"]),
    (['{"id": {"n": 1}, "text": "Fine."}'], [":1:", "field 'id' must be a string or an integer, not an object"]),
    (['{"id": 1.5, "text": "Fine."}'], [":1:", "field 'id' must be a string or an integer"]),
    (['{"id": "\\ud800", "text": "Fine."}'], [":1:", "field 'id' holds an unpaired surrogate"]),
    (['{"id": "a", "text": "Fine."}', '{"id": "b", "text": "The the\\ud800cat"}'], [":2:", "field 'text' holds an unpaired surrogate"]),
    (["[" * 100_000], [":1:", "nested too deeply"]),
])
def test_bad_json_lines_record(tmp_path, lines, fragments):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    result = scan(corpus, tmp_path / "out")
    assert_one_line_error(result, "corpus.jsonl", *fragments)
    assert not (tmp_path / "out").exists()  # stopped before anything was written


def test_json_lines_not_utf8_names_the_line(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b'{"id": "a", "text": "fine"}\n' + '{"id": "b", "text": "café"}\n'.encode("latin-1"))
    assert_one_line_error(scan(corpus, tmp_path / "out"), "corpus.jsonl:2:", "invalid UTF-8")


def test_json_lines_with_a_byte_order_mark_is_read(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "The the cat."}\n')
    result = scan(corpus, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert '"id": "a"' in next((tmp_path / "out").glob("part-*")).read_text()


def test_empty_corpus(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n\n")
    assert_one_line_error(scan(corpus, tmp_path / "out"), "corpus.jsonl", "no records")


def write_parquet(path, columns):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table(columns), path)
    return path


@pytest.mark.parametrize("columns, fragments", [
    ({"id": ["a", "b"], "body": ["Fine.", "Fine."]}, ["no column 'text'", "columns: id, body", "--text-field"]),
    ({"id": ["a", "b"], "text": [1, 2]}, ["column 'text' must hold strings, not int64"]),
    ({"id": [1.5, 2.5], "text": ["Fine.", "Fine."]}, ["column 'id' must hold strings or integers, not double"]),
    ({"id": [[1], [2]], "text": ["Fine.", "Fine."]}, ["column 'id' must hold strings or integers"]),
])
def test_bad_parquet_columns(tmp_path, columns, fragments):
    corpus = write_parquet(tmp_path / "corpus.parquet", columns)
    assert_one_line_error(scan(corpus, tmp_path / "out"), "corpus.parquet", *fragments)


def test_parquet_integer_ids_and_missing_ids_are_accepted(tmp_path):
    write_parquet(tmp_path / "numbered.parquet", {"id": [7, 8], "text": ["Fine.", "The the cat."]})
    write_parquet(tmp_path / "anonymous.parquet", {"text": ["Fine.", None]})
    result = run_cli("scan", str(tmp_path), "-o", str(tmp_path.parent / "out"))
    assert result.returncode == 0, result.stderr
    import json

    ids = sorted(json.loads(line)["id"] for part in (tmp_path.parent / "out").glob("part-*") for line in part.open())
    assert ids == ["7", "8", "anonymous.parquet:1", "anonymous.parquet:2"]


@pytest.mark.parametrize("content", [b"PAR1 not really parquet", b"", b"\x00" * 64])
def test_corrupt_parquet(tmp_path, content):
    pytest.importorskip("pyarrow")
    corpus = tmp_path / "corpus.parquet"
    corpus.write_bytes(content)
    assert_one_line_error(scan(corpus, tmp_path / "out"), "corpus.parquet", "not a readable Parquet file")


def test_parquet_damaged_inside(tmp_path):
    corpus = write_parquet(tmp_path / "corpus.parquet", {"id": ["a", "b"], "text": ["Fine." * 50, "More." * 50]})
    data = bytearray(corpus.read_bytes())
    data[4:40] = b"\xff" * 36  # the first column chunk; the footer still reads
    corpus.write_bytes(bytes(data))
    assert_one_line_error(scan(corpus, tmp_path / "out"), "corpus.parquet", "cannot read")


# -- scan: bad output folders -------------------------------------------------------

def test_scan_output_is_an_existing_file(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "text": "Fine."}\n')
    (tmp_path / "results").write_text("not a folder")
    assert_one_line_error(scan(corpus, tmp_path / "results"), "results", "not a folder")
    assert_one_line_error(scan(corpus, corpus), "corpus.jsonl", "the corpus file itself")
    assert corpus.read_text() == '{"id": "a", "text": "Fine."}\n'


def test_scan_output_inside_the_corpus_folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.jsonl").write_text('{"id": "a", "text": "Fine."}\n')
    assert_one_line_error(scan(folder, folder / "out"), "inside the corpus folder")
    assert not (folder / "out").exists()


def test_unreachable_dask_scheduler(tmp_path):
    pytest.importorskip("dask.distributed")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "text": "Fine."}\n')
    result = run_cli("scan", str(corpus), "-o", str(tmp_path / "out"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1",
                     env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"})
    assert_one_line_error(result, "cannot connect to the Dask scheduler tcp://127.0.0.1:1")
    result = run_cli("pairs", "--no-config", str(SEED_FOLDER), "--engine", "dask", "--scheduler", "no-port-here")
    assert_one_line_error(result, "cannot connect to the Dask scheduler no-port-here")


# -- configuration in pyproject.toml ----------------------------------------------

@pytest.mark.parametrize("pyproject, fragments", [
    ("tool = 5\n", ["pyproject.toml:1:", "'tool' must be a table, not 5"]),
    ("[project]\nname = 'x'\n\n[tool]\ngarblint = 5\n", ["pyproject.toml:5:", "[tool.garblint] must be a table", "not 5"]),
    ("tool.garblint = 'strict'\n", ["pyproject.toml:1:", "[tool.garblint] must be a table"]),
    ("[tool.garblint\nselect = ['GL101']\n", ["pyproject.toml", "invalid TOML"]),
])
def test_broken_pyproject_found_by_walking_up(tmp_path, pyproject, fragments):
    (tmp_path / "pyproject.toml").write_text(pyproject)
    nested = tmp_path / "docs" / "guide"
    nested.mkdir(parents=True)
    (nested / "a.txt").write_text("Fine.\n")
    assert_one_line_error(run_cli("check", str(nested / "a.txt"), cwd=nested), *fragments)


def test_pyproject_of_another_tool_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = = 100\n")  # broken, but not garblint's
    (tmp_path / "a.txt").write_text("The players were able to to go.\n")
    result = run_cli("check", str(tmp_path / "a.txt"), cwd=tmp_path)
    assert result.returncode == 1 and "GL101" in result.stdout, result.stderr


def test_garblint_as_an_inline_table_is_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool]\ngarblint = {ignore = ["GL101"]}\n')
    (tmp_path / "a.txt").write_text("The players were able to to go.\n")
    result = run_cli("check", str(tmp_path / "a.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("config, fragments", [
    ("rules:\n  5: {severity: error}\n", [".garblint.yaml:2", "rules.5"]),
    ("rules:\n  doubled-word: {enabled: 5}\n", [".garblint.yaml:2", "enabled' must be true or false"]),
    ("? [a, b]\n: 1\n", [".garblint.yaml", "invalid YAML", "unhashable"]),
    ("select: !!python/name:os.system\n", [".garblint.yaml:1", "invalid YAML", "constructor"]),
])
def test_bad_yaml_configuration(project, config, fragments):
    (project / ".garblint.yaml").write_text(config)
    (project / "a.txt").write_text("Fine.\n")
    assert_one_line_error(run_cli("check", str(project / "a.txt")), *fragments)


def test_unquoted_severity_off_turns_a_rule_off(project):
    (project / ".garblint.yaml").write_text("rules:\n  doubled-word: {severity: off}\n")  # YAML reads off as false
    (project / "a.txt").write_text("The players were able to to go.\n")
    result = run_cli("check", "--select", "GL101", str(project / "a.txt"))
    assert result.returncode == 0, result.stdout + result.stderr


# -- outputs that would destroy inputs ------------------------------------------------

def test_write_baseline_to_a_folder(project):
    (project / "a.txt").write_text("The players were able to to go.\n")
    (project / "baselines").mkdir()
    result = run_cli("check", "--write-baseline", str(project / "baselines"), str(project / "a.txt"))
    assert_one_line_error(result, "baselines", "is a folder")
    assert sorted(p.name for p in project.iterdir()) == [".garblint.yaml", "a.txt", "baselines"]
    assert not any((project / "baselines").iterdir())


def test_write_baseline_into_a_missing_folder(project):
    (project / "a.txt").write_text("The players were able to to go.\n")
    result = run_cli("check", "--write-baseline", str(project / "nope" / "b.json"), str(project / "a.txt"))
    assert_one_line_error(result, "b.json", "no folder")


@pytest.mark.parametrize("command", ["check", "compare", "pairs", "check-folder", "baseline"])
def test_output_naming_an_input_is_refused(project, command):
    original, rewrite = project / "original.txt", project / "rewrite.txt"
    original.write_text("The committee met on Tuesday and approved the budget for next year.\n")
    rewrite.write_text("The committee met on Tuesday and and approved the budget for next year.\n")
    before = rewrite.read_text()
    relative = os.path.join(str(project), ".", "rewrite.txt")  # compared as resolved paths
    args = {
        "check": ["check", "-o", relative, str(rewrite)],
        "compare": ["compare", "-o", relative, str(original), str(rewrite)],
        "pairs": ["pairs", "-o", relative, str(original), str(rewrite)],
        "check-folder": ["check", "-o", relative, str(project)],
        "baseline": ["check", "--write-baseline", relative, str(rewrite)],
    }[command]
    assert_one_line_error(run_cli(*args), "rewrite.txt", "names a file this command reads")
    assert rewrite.read_text() == before


def test_output_through_a_symbolic_link_to_an_input_is_refused(project):
    (project / "a.txt").write_text("The players were able to to go.\n")
    os.symlink(project / "a.txt", project / "report.txt")
    assert_one_line_error(run_cli("check", "-o", str(project / "report.txt"), str(project / "a.txt")), "names a file")
    assert (project / "a.txt").read_text() == "The players were able to to go.\n"


def test_renewing_a_baseline_in_place_is_allowed(project):
    (project / "a.txt").write_text("The players were able to to go.\n")
    baseline = str(project / "baseline.json")
    assert run_cli("check", "--write-baseline", baseline, str(project / "a.txt")).returncode == 1
    result = run_cli("check", "--baseline", baseline, "--write-baseline", baseline, str(project / "a.txt"))
    assert result.returncode == 0, result.stderr
    assert_one_line_error(run_cli("check", "--baseline", baseline, "-o", baseline, str(project / "a.txt")), "baseline.json")


# -- eval: bad gold files -----------------------------------------------------------------

@pytest.fixture
def gold_folder(tmp_path):
    (tmp_path / "article.txt").write_text("The players were able to to go home.\n")
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    return tmp_path


def test_eval_output_naming_its_gold_file_or_a_document_is_refused(gold_folder):
    gold = gold_folder / "gold.yaml"
    gold.write_text("- doc: article.txt\n  quote: 'to to'\n")
    for target in (gold, gold_folder / "article.txt"):
        before = target.read_text()
        assert_one_line_error(run_cli("eval", "-o", str(target), str(gold)), target.name, "names a file this command reads")
        assert target.read_text() == before
    assert run_cli("eval", "-o", str(gold_folder / "report.json"), str(gold)).returncode == 0


@pytest.mark.parametrize("gold, fragments", [
    ("- doc: article.txt\n  quote: 'nowhere in it'\n", ["gold.yaml", "quote not found in article.txt"]),
    ("- doc: article.txt\n  quote: 'to to'\n  occurrence: 2\n", ["occurrence 2 of the quote not found"]),
    ("- doc: article.txt\n  quote: 'to to'\n  occurrence: twice\n", ["entry 1", "'occurrence' must be a whole number"]),
    ("- doc: article.txt\n  quote: 5\n", ["entry 1", "'quote' must be the exact text"]),
    ("- doc: article.txt\n  quote: ''\n", ["entry 1", "'quote' must be the exact text"]),
    ("- doc: [article.txt]\n  quote: 'to to'\n", ["entry 1 has no 'doc'"]),
    ("- doc: article.txt\n  quote: 'to to'\n  tier: [core]\n", ["entry 1", "'tier' must be text"]),
    ("- doc: article.txt\n  quote: 'to to'\n  original: source.txt\n", ["source.txt", "not found"]),
    ("- doc: article.txt\n quote: 'to to'\n", ["gold.yaml:2", "invalid YAML"]),
    ("doc: article.txt\n", ["gold.yaml", "a list of entries"]),
])
def test_bad_gold_file(gold_folder, gold, fragments):
    (gold_folder / "gold.yaml").write_text(gold)
    assert_one_line_error(run_cli("eval", str(gold_folder / "gold.yaml")), *fragments)


def test_gold_file_not_utf8_or_a_folder(gold_folder):
    (gold_folder / "gold.yaml").write_bytes("- doc: café.txt\n".encode("latin-1"))
    assert_one_line_error(run_cli("eval", str(gold_folder / "gold.yaml")), "gold.yaml", "invalid UTF-8")
    assert_one_line_error(run_cli("eval", str(gold_folder)), "is a folder, not a gold file")


def test_unreadable_gold_file(gold_folder, monkeypatch, capsys):
    # In-process: the tests may run as root, who can read any file.
    from pathlib import Path

    from garblint.linter import cli

    gold = gold_folder / "gold.yaml"
    gold.write_text("- doc: article.txt\n  quote: 'to to'\n")
    real_read_text = Path.read_text

    def refusing_read_text(self, *args, **kwargs):
        if self == gold:
            raise PermissionError(13, "Permission denied")
        return real_read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", refusing_read_text)
    assert cli.main(["eval", str(gold)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"garblint: error: {gold}: cannot read gold file: Permission denied"]


def test_pairs_minimum_similarity_out_of_range(project):
    assert_one_line_error(run_cli("pairs", "--min-similarity", "nan", SEED_FOLDER), "--min-similarity", "between 0 and 1")


def test_baseline_nested_too_deeply_names_the_file(project):
    (project / "a.txt").write_text("Fine.\n")
    (project / "baseline.json").write_text("[" * 100_000)
    assert_one_line_error(run_cli("check", "--baseline", str(project / "baseline.json"), str(project / "a.txt")),
                          "baseline.json", "not a garblint baseline")
