"""Every console command of README.md works as printed (see tests/readme_console.py for the rules)."""

from __future__ import annotations

import pytest
from readme_console import README, SHARED, blocks, differences, run, scratch


@pytest.mark.slow
def test_readme_console_blocks_run_as_printed(tmp_path):
    found = blocks(README.read_text(encoding="utf-8"))
    assert len(found) >= 2
    cwd = scratch(tmp_path)
    problems = []
    ran = 0
    for block in found:
        if block.needs_shared and not SHARED.exists():
            continue  # the narrated seed story: only for whoever has ../shared
        for step in block.steps:
            out = run(step.command, cwd)
            ran += 1
            diff = differences(step, out)
            if diff:
                problems.append(f"README.md:{block.line}: $ {step.command}\n" + "\n".join(diff))
    assert ran >= 8
    assert not problems, "README output differs (python tests/readme_console.py --update rewrites it):\n" + "\n".join(
        problems
    )


def test_blocks_parse_commands_and_outputs():
    text = "intro\n```console\n$ a\nout 1\nout …\n$ b\n```\n<!-- readme: needs ../shared -->\n```console\n$ c\n```\n"
    first, second = blocks(text)
    assert [(s.command, s.expected) for s in first.steps] == [("a", ["out 1", "out …"]), ("b", [])]
    assert not first.needs_shared and second.needs_shared and second.line == 9


def test_an_ellipsis_stands_for_the_rest_of_the_line_only():
    from readme_console import Step

    step = Step("x", ["coded 6 articles in …", "6 of 6"])
    assert differences(step, ["coded 6 articles in 7.2s (fast)", "6 of 6"]) == []
    assert differences(step, ["coded 5 articles in 7.2s", "6 of 6"])
    assert differences(step, ["coded 6 articles in 1s", "6 of 6", "extra line"])
