"""Built-in input plugins: the plain-text and Markdown parsers and inline suppressions."""
