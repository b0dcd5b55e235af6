"""garblint's built-in rules: one module per family, its word lists beside it.

Each module is a plugin registered in the ``garblint`` entry-point group
(see ``pyproject.toml``) and implements ``garblint_rules``.
"""
