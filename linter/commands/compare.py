"""Compare mode: drift of a rewrite against its original.

``garblint compare ORIGINAL REWRITE`` aligns the two texts once and hands
the alignment to every rule whose ``scope`` is ``"pair"``; those rules
implement ``check_pair(pair)`` and report findings on the rewrite.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from garblint.linter.language.align import AlignedPair, align
from garblint.linter.engine.document import Document
from garblint.linter.engine.findings import Finding


@dataclass
class DocumentPair:
    original: Document
    rewrite: Document
    alignment: list[AlignedPair] = field(default_factory=list)

    def original_text(self, pair: AlignedPair) -> str:
        sentences = self.original.sentences
        return " ".join(sentences[i].text for i in pair.original)

    def original_span(self, pair: AlignedPair) -> tuple[int, int]:
        sentences = self.original.sentences
        return sentences[pair.original[0]].start, sentences[pair.original[-1]].end


def compare_documents(original: Document, rewrite: Document, rules) -> list[Finding]:
    """Findings of the pair rules on ``rewrite``, offsets into the rewrite's text."""
    pair = DocumentPair(original, rewrite, align(original, rewrite))
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule.check_pair(pair))
    return findings


# -- the command ---------------------------------------------------------------

def command(args) -> int:
    """``garblint compare ORIGINAL REWRITE``."""
    from garblint.linter.commands.session import load_effective_config, run_options, report_and_exit
    from garblint.linter.engine.plugins import selected_rules
    from garblint.linter.engine.runner import FileResult, Linter, read_source

    args.paths = [args.rewrite]
    config = load_effective_config(args)
    linter = Linter(config, run_options(args))
    texts = {}
    for path in (args.original, args.rewrite):
        texts[path] = read_source(path)
    original = linter.parse(texts[args.original], args.original)
    rewrite = linter.parse(texts[args.rewrite], args.rewrite)
    rules = selected_rules(linter.rule_classes, config, scope="pair")
    findings = linter.filter(rewrite, compare_documents(original, rewrite, rules))
    result = FileResult(args.rewrite, findings=findings, words=rewrite.word_count, sentences=len(rewrite.sentences), text=texts[args.rewrite])
    return report_and_exit(args, linter, [result])
