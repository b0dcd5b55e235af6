"""The subcommands (check, rule, compare, eval, pairs, scan, completion) and what they share."""
