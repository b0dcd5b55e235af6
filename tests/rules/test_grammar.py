"""The LanguageTool adapter against a local HTTP server answering its /v2 API."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

pytest.importorskip("language_tool_python")

from garblint.linter.engine.config import load_config  # noqa: E402
from garblint.linter.engine.runner import Linter  # noqa: E402
from garblint.rules import grammar# noqa: E402

LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "French", "code": "fr", "longCode": "fr"},
    {"name": "German", "code": "de", "longCode": "de-DE"},
]


def match(offset, length, rule_id, category, message="Problem.", replacements=("fix",), issue="grammar"):
    return {
        "message": message, "shortMessage": "", "replacements": [{"value": r} for r in replacements],
        "offset": offset, "length": length,
        "context": {"text": "...", "offset": 0, "length": length},
        "sentence": "...", "type": {"typeName": "Other"},
        "rule": {"id": rule_id, "description": "", "issueType": issue, "category": {"id": category, "name": category}},
    }


class FakeLanguageTool(BaseHTTPRequestHandler):
    """Answers like LanguageTool: replies are chosen by the test through ``server.reply``."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/v2/languages"):
            self.send(json.dumps(LANGUAGES))
        else:
            self.send_error(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode("utf-8"))
        self.server.requests.append(form)
        reply = self.server.reply(form["text"][0])
        if self.server.delay:
            time.sleep(self.server.delay)
        self.send(reply if isinstance(reply, str) else json.dumps({"matches": reply}))

    def send(self, body):
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the client hanging up on a slow reply is part of the test


@pytest.fixture
def server():
    httpd = QuietServer(("127.0.0.1", 0), FakeLanguageTool)
    httpd.requests = []
    httpd.delay = 0
    httpd.reply = lambda text: []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def fresh_backends():
    grammar._backends.clear()
    grammar._announced.clear()
    grammar.Grammar.source_language = None
    yield
    grammar._backends.clear()


def linter_for(tmp_path, url, extra=""):
    (tmp_path / ".garblint.yaml").write_text(
        f"select: [grammar]\n{extra}rules:\n  grammar:\n    remote_server: '{url}'\n    timeout: 2\n"
    )
    return Linter(load_config([str(tmp_path)]))


def url_of(server):
    return f"http://127.0.0.1:{server.server_address[1]}"


def test_matches_become_findings_with_offsets_in_the_source_markdown(tmp_path, server):
    source = "# Title\n\nSome `code` here and he go to school.\n"
    def reply(text):
        at = text.index("he go")
        return [match(at + 3, 2, "HE_VERB_AGR", "GRAMMAR", "Use 'goes'.", ["goes"])]
    server.reply = reply
    result = linter_for(tmp_path, url_of(server)).lint_text(source, "doc.md")
    (finding,) = result.findings
    assert source[finding.start:finding.end] == "go"
    assert finding.family == "grammar" and "[HE_VERB_AGR]" in finding.message
    assert finding.suggestions == ["goes"]
    sent = server.requests[0]["text"][0]
    assert "code" not in sent and len(sent) <= len(source)
    assert server.requests[0]["language"] == ["en-US"]


def test_categories_and_names_filter_noise(tmp_path, server):
    text = "Wang Yi met Patrushev and the teh dog. Patrushev left.\n"
    def reply(sent):
        return [
            match(sent.index("Patrushev"), 9, "MORFOLOGIK_RULE_EN_US", "TYPOS", issue="misspelling"),
            match(sent.index("teh"), 3, "MORFOLOGIK_RULE_EN_US", "TYPOS", replacements=["the"], issue="misspelling"),
            match(0, 4, "SOME_STYLE_RULE", "STYLE"),
        ]
    server.reply = reply
    result = linter_for(tmp_path, url_of(server)).lint_text(text, "a.txt")
    assert [text[f.start:f.end] for f in result.findings] == ["teh"]


def test_source_language_is_sent_as_mother_tongue(tmp_path, server):
    linter = linter_for(tmp_path, url_of(server), extra="source-language: fr\n")
    linter.lint_text("Some text.\n", "a.txt")
    assert server.requests[0]["motherTongue"] == ["fr"]


def test_timeout_is_reported_once_and_does_not_fail(tmp_path, server, capsys):
    server.delay = 3
    linter = linter_for(tmp_path, url_of(server))
    started = time.monotonic()
    first = linter.lint_text("Some text here.\n", "a.txt")
    second = linter.lint_text("More text here.\n", "b.txt")
    assert time.monotonic() - started < 12
    assert first.findings == [] and second.findings == []
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "request failed" in err[0]
    assert len(server.requests) <= 2  # not asked again after the timeout (one retry inside the client)


def test_refused_connection_says_unavailable_once(tmp_path, capsys):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    linter = linter_for(tmp_path, f"http://127.0.0.1:{port}")
    assert linter.lint_text("Some text.\n", "a.txt").findings == []
    assert linter.lint_text("Other text.\n", "b.txt").findings == []
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unavailable" in err[0]


@pytest.mark.parametrize("body", ["not json at all", json.dumps({"matches": [{"offset": 1}]}), json.dumps({"nothing": 1})])
def test_malformed_replies_are_skipped(tmp_path, server, capsys, body):
    server.reply = lambda text: body
    result = linter_for(tmp_path, url_of(server)).lint_text("Some text.\n", "a.txt")
    assert result.findings == []
    assert "garblint: grammar:" in capsys.readouterr().err


def test_cli_run_without_languagetool_still_lints_and_exits_normally(tmp_path, cli):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (tmp_path / ".garblint.yaml").write_text(
        f"extend-select: [grammar]\nrules:\n  grammar:\n    remote_server: 'http://127.0.0.1:{port}'\n    timeout: 2\n"
    )
    (tmp_path / "a.txt").write_text("The players were able to to go.\n")
    result = cli("check", str(tmp_path / "a.txt"))
    assert result.returncode == 1  # the doubled word, as without the grammar rule
    assert result.stderr.count("garblint: grammar:") == 1


def test_grammar_is_off_by_default():
    config = load_config(use_project_config=False)
    linter = Linter(config)
    assert "grammar" not in {r.name for r in linter.rules}
