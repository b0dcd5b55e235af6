"""garblint completion bash|zsh|fish."""
import argparse
import shutil
import subprocess

import pytest

from garblint.linter.cli import build_parser
from tests.conftest import run_cli

SHELLS = ("bash", "zsh", "fish")


@pytest.fixture(scope="module")
def scripts():
    return {shell: run_cli("completion", shell) for shell in SHELLS}


def parser_words():
    """Every command and every option string the parser has, by command."""
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {name: [flag for action in sub._actions for flag in action.option_strings]
            for name, sub in commands.choices.items()}


def test_each_shell_gets_a_script(scripts):
    for shell, result in scripts.items():
        assert result.returncode == 0 and result.stderr == "", shell
        assert "garblint" in result.stdout
    assert run_cli("completion", "powershell").returncode == 2


def test_scripts_name_every_command_and_option_of_the_parser(scripts):
    for shell, result in scripts.items():
        for command, flags in parser_words().items():
            assert command in result.stdout, (shell, command)
            for flag in flags:
                spelled = f"-l {flag[2:]}" if shell == "fish" and flag.startswith("--") else (
                    f"-s {flag[1:]}" if shell == "fish" else flag)
                assert spelled in result.stdout, (shell, command, flag)


def bash_complete(script: str, line: str) -> list[str]:
    words = line.split(" ")
    program = (script + "\nCOMP_WORDS=(" + " ".join(f"'{w}'" for w in words) + ")\n"
               f"COMP_CWORD={len(words) - 1}\n_garblint\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n")
    return subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True).stdout.split()


def test_bash_completes_commands_options_and_choices(scripts):
    script = scripts["bash"].stdout
    assert bash_complete(script, "garblint ch") == ["check"]
    assert bash_complete(script, "garblint check --diff") == ["--diff", "--diff-base"]
    assert bash_complete(script, "garblint check --format ") == ["text", "json", "sarif", "github", "gitlab", "junit", "rdjson", "html"]
    assert bash_complete(script, "garblint check --fail-on w") == ["warning"]
    assert bash_complete(script, "garblint completion ") == ["bash", "zsh", "fish"]
    assert bash_complete(script, "garblint --version rule --") == ["--help", "--config", "--no-config"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_script_parses(scripts, tmp_path):
    (tmp_path / "_garblint").write_text(scripts["zsh"].stdout)
    assert subprocess.run(["zsh", "-n", str(tmp_path / "_garblint")], capture_output=True).returncode == 0


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_commands_options_and_choices(scripts, tmp_path):
    (tmp_path / "garblint.fish").write_text(scripts["fish"].stdout)

    def complete(line):
        program = f"source {tmp_path / 'garblint.fish'}; complete -C '{line}'"
        output = subprocess.run(["fish", "--no-config", "-c", program], capture_output=True, text=True, check=True).stdout
        return sorted(row.split("\t")[0] for row in output.splitlines())

    assert complete("garblint ch") == ["check"]
    assert complete("garblint check --format ") == ["github", "gitlab", "html", "json", "junit", "rdjson", "sarif", "text"]
    assert "--no-respect-gitignore" in complete("garblint check --no-")
