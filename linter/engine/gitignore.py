"""What a folder walk leaves out because git would: ``.gitignore`` files (nested ones too),
``.ignore`` files and the repository's ``.git/info/exclude``.

Patterns follow git's rules (the ``pathspec`` library): each file's patterns
are relative to its folder, a deeper file overrides a shallower one, and
``.ignore`` overrides ``.gitignore`` in the same folder, as in ripgrep and ruff.
Files above the walked folder count up to the repository's top; outside a
repository, only those in the walked folder and below do.
"""
from __future__ import annotations

from pathlib import Path

IGNORE_FILES = (".gitignore", ".ignore")  # in rising precedence


class GitIgnore:
    """The ignore patterns in force in each folder of one walk."""

    def __init__(self, root: Path):
        root = Path(root).absolute()
        self._chains: dict[Path, tuple] = {}
        chain: tuple = ()
        repository = _repository_top(root)
        if repository is not None:
            exclude = _info_exclude(repository)
            if exclude is not None:
                chain = _extend(chain, repository, exclude)
            for folder in reversed(root.parents):
                if folder == repository or repository in folder.parents:
                    chain = self._with_files_of(folder, chain)
        self._chains[root] = self._with_files_of(root, chain)

    def _with_files_of(self, folder: Path, chain: tuple) -> tuple:
        for name in IGNORE_FILES:
            candidate = folder / name
            if candidate.is_file():
                chain = _extend(chain, folder, candidate)
        return chain

    def _chain(self, folder: Path) -> tuple:
        """The patterns in force in ``folder``: its parent's, then its own files'."""
        chain = self._chains.get(folder)
        if chain is None and folder.parent == folder:
            return ()
        if chain is None:
            chain = self._with_files_of(folder, self._chain(folder.parent))
            self._chains[folder] = chain
        return chain

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        """Whether git would ignore ``path`` (a child of a folder of the walk)."""
        path = Path(path).absolute()
        chain = self._chain(path.parent)
        for base, spec in reversed(chain):  # the nearest file decides
            relative = path.relative_to(base).as_posix() + ("/" if is_dir else "")
            verdict = spec.check_file(relative).include
            if verdict is not None:
                return verdict
        return False


def _extend(chain: tuple, base: Path, source: Path) -> tuple:
    try:
        lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return chain  # an unreadable ignore file ignores nothing, as in git
    if not any(line.strip() and not line.startswith("#") for line in lines):
        return chain
    import pathspec  # lazy: only walks that meet an ignore file pay for it

    return chain + ((base, pathspec.GitIgnoreSpec.from_lines(lines)),)


def _repository_top(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _info_exclude(top: Path) -> Path | None:
    """The repository's info/exclude file; a worktree's ``.git`` file points at its git folder."""
    dot_git = top / ".git"
    git_dir = dot_git
    if dot_git.is_file():
        try:
            pointer = dot_git.read_text(encoding="utf-8").strip()
        except OSError:
            return None
        if not pointer.startswith("gitdir:"):
            return None
        git_dir = (top / pointer[len("gitdir:"):].strip()).resolve()
        common = git_dir / "commondir"
        if common.is_file():
            git_dir = (git_dir / common.read_text(encoding="utf-8").strip()).resolve()
    exclude = git_dir / "info" / "exclude"
    return exclude if exclude.is_file() else None
