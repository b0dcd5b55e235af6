"""Word frequencies: the shipped sorted table answers as wordfreq's own data does."""
import random

import pytest

from garblint.linter.language import lexicon
from garblint.linter.language.lexicon import SortedFrequencies


@pytest.fixture(scope="module")
def wordfreq_large():
    return lexicon.read_wordfreq_buckets("large")


def test_sorted_table_matches_wordfreq_on_a_sample(wordfreq_large):
    table = lexicon._large_table()
    sample = random.Random(7).sample(sorted(wordfreq_large), 5000)
    assert [table.get(word) for word in sample] == [wordfreq_large[word] for word in sample]
    non_ascii = [word for word in wordfreq_large if not word.isascii()][:500]
    assert non_ascii and all(table.get(word) == wordfreq_large[word] for word in non_ascii)


def test_words_wordfreq_lacks_are_unknown(wordfreq_large):
    table = lexicon._large_table()
    for word in ("qzxvbnw", "", "zzzzzzzzzzzzzzzzz", "\ud800broken", "a" * 200):
        assert word not in wordfreq_large
        assert table.get(word) == 0.0
    assert lexicon.zipf("Qzxvbnw") == 0.0


def test_zipf_reads_small_list_first_then_the_large_one(wordfreq_large):
    rare = next(word for word, score in wordfreq_large.items() if 1.5 < score < 2.0 and word.isalpha())
    assert lexicon.zipf(rare) == wordfreq_large[rare]
    assert lexicon.zipf("The") == lexicon.read_wordfreq_buckets("small")["the"]


def test_a_damaged_table_is_refused():
    with pytest.raises(RuntimeError, match="not a word-frequency table"):
        SortedFrequencies(b"GLZIPF00" + bytes(20))
    good = SortedFrequencies.MAGIC + (1).to_bytes(4, "little") + bytes(4) + (3).to_bytes(4, "little") + (250).to_bytes(2, "little") + b"cat"
    assert SortedFrequencies(good).get("cat") == 2.5 and SortedFrequencies(good).get("dog", -1) == -1
    with pytest.raises(RuntimeError, match="truncated"):
        SortedFrequencies(good[:-1])


def test_a_long_run_switches_to_a_table_with_the_same_answers(wordfreq_large, monkeypatch):
    from garblint.linter.engine.data_files import data_path

    monkeypatch.setattr(SortedFrequencies, "LOOKUPS_BEFORE_TABLE", 100)
    table = SortedFrequencies(data_path("garblint.linter.language", "data/word_frequencies.bin").read_bytes())
    sample = random.Random(11).sample(sorted(wordfreq_large), 300) + ["qzxvbnw", "\ud800broken"]
    answers = [table.get(word) for word in sample]
    assert table.table is not None  # switched part way through
    assert answers == [wordfreq_large.get(word, 0.0) for word in sample]


def test_a_sorted_table_answers_like_the_dict_it_was_made_from():
    from garblint.linter.engine.data_files import SortedTable

    counts = {"NN VB": 3, "DT NN": 40, "<s> DT": 12, "zz": 1, "DT": 90}
    table = SortedTable(SortedTable.encode(counts))
    assert all(table.get(key) == value for key, value in counts.items())
    assert table.get("DT N") == 0 and table.get("zzz", 7) == 7 and table.get("") == 0
    assert len(table) == 5 and dict(table.items()) == counts
    assert len(SortedTable(SortedTable.encode({}))) == 0


def test_a_sorted_table_refuses_keys_it_cannot_store_and_values_that_do_not_match():
    from garblint.linter.engine.data_files import SortedTable

    with pytest.raises(ValueError):
        SortedTable.encode({"two\nlines": 1})
    with pytest.raises(ValueError):
        SortedTable({"keys": "a\nb", "values": [1]})
