"""``garblint rule``: the rules, a family's rules, or one rule's documentation."""
from __future__ import annotations

import sys

from garblint.linter.commands.session import EXIT_CLEAN, EXIT_ERROR, error


def command(args) -> int:
    from garblint.linter.engine.config import load_config, unknown_selector
    from garblint.linter.engine.plugins import all_rule_classes, find_rule, plugin_manager

    config = load_config(config_file=args.config, use_project_config=not args.no_config)
    classes = all_rule_classes(plugin_manager(tuple(config.plugins)))
    if args.rule:
        cls = find_rule(classes, args.rule)
        if cls is not None:
            sys.stdout.write(cls.documentation() + "\n")
            return EXIT_CLEAN
        # A family or a code prefix: the rules it names.
        named = [cls for cls in classes if cls.matches(args.rule)]
        if not named:
            error(unknown_selector(args.rule, classes))
            return EXIT_ERROR
        classes = named
    for cls in classes:
        flag = "" if cls.enabled_by_default else "  (off by default)"
        scope = "  (compare mode)" if cls.scope == "pair" else ""
        fixable = "  (fixable)" if cls.fixable else ""
        sys.stdout.write(f"{cls.code:<7} {cls.name:<34} {cls.family:<18} {cls.severity:<8}{flag}{scope}{fixable}\n")
    return EXIT_CLEAN
