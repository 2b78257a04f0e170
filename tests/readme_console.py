"""The ``console`` blocks of README.md, run as a reader of a fresh clone would run them.

A block is a list of ``$ command`` lines, each followed by the output it prints (stdout and
stderr together). The blocks run in order, in one scratch folder holding a copy of
``examples/`` (and ``../shared`` beside it when it exists), with ``.venv/bin`` first on PATH,
so state carries from one block to the next as it does for the reader.

What is compared (the documented subset):

- every output line, exactly, in order, except that
- a printed line ending in ``…`` stands for any line that starts with the text before it
  (timings and rates: ``coded 6 articles (...): 96 events, 58 quotes in …``), and
- the progress log lines that ``eventcoder code`` writes every 10 s without a terminal
  (``eventcoder: 3/6 articles ...``) are not compared: how many there are depends on the machine.

A block right after ``<!-- readme: needs ../shared -->`` runs only where ../shared exists.

``python tests/readme_console.py --update`` runs the blocks and writes their output back into
README.md (lines ending in ``…`` keep their printed prefix), for after a change of the coder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SHARED = ROOT.parent / "shared"
NEEDS_SHARED = "<!-- readme: needs ../shared -->"
PROGRESS_LINE = re.compile(r"eventcoder: \d+(/\d+)? articles( \(\d+%\))? in ")

_BLOCK = re.compile(r"^```console\n(.*?)^```", re.M | re.S)


@dataclass
class Step:
    command: str
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    start: int  # offset of the block's body in README.md
    end: int
    line: int  # line number of the ```console fence
    needs_shared: bool
    steps: list[Step]


def blocks(text: str) -> list[Block]:
    out = []
    for m in _BLOCK.finditer(text):
        before = text[: m.start()].rstrip().splitlines()
        needs = bool(before) and before[-1].strip() == NEEDS_SHARED
        steps: list[Step] = []
        for line in m.group(1).splitlines():
            if line.startswith("$ "):
                steps.append(Step(line[2:]))
            elif steps:
                steps[-1].expected.append(line)
            else:
                raise ValueError(f"README.md:{text[: m.start()].count(chr(10)) + 1}: output before any $ command")
        out.append(Block(m.start(1), m.end(1), text[: m.start()].count("\n") + 1, needs, steps))
    return out


def scratch(folder: Path) -> Path:
    """A folder laid out like a fresh clone beside ../shared: ``folder/clone`` is the cwd."""
    clone = folder / "clone"
    clone.mkdir(parents=True)
    shutil.copytree(ROOT / "examples", clone / "examples")
    if SHARED.exists():
        (folder / "shared").symlink_to(SHARED, target_is_directory=True)
    return clone


def run(command: str, cwd: Path) -> list[str]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["COLUMNS"] = "120"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    lines = [line.rstrip() for line in done.stdout.splitlines()]
    return [line for line in lines if not PROGRESS_LINE.match(line)]


def matches(expected: str, actual: str) -> bool:
    if expected.endswith("…"):
        return actual.startswith(expected[:-1])
    return expected.rstrip() == actual


def differences(step: Step, actual: list[str]) -> list[str]:
    """What differs between the printed and the actual output (empty when they agree)."""
    problems = []
    for i in range(max(len(step.expected), len(actual))):
        want = step.expected[i] if i < len(step.expected) else "(nothing)"
        got = actual[i] if i < len(actual) else "(nothing)"
        if i >= len(step.expected) or i >= len(actual) or not matches(want, got):
            problems.append(f"  line {i + 1}: README {want!r}\n          actual {got!r}")
    return problems


def updated(text: str, results: list[tuple[Block, list[list[str]]]]) -> str:
    """README text with each run block's output replaced by what the commands printed."""
    for block, outputs in sorted(results, key=lambda r: -r[0].start):
        body = []
        for step, actual in zip(block.steps, outputs, strict=True):
            body.append(f"$ {step.command}")
            for i, line in enumerate(actual):
                old = step.expected[i] if i < len(step.expected) else ""
                body.append(old if old.endswith("…") and matches(old, line) else line)
        text = text[: block.start] + "\n".join(body) + "\n" + text[block.end :]
    return text


def main() -> None:
    import tempfile

    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/readme_console.py --update")
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        cwd = scratch(Path(tmp))
        results = []
        for block in blocks(text):
            if block.needs_shared and not SHARED.exists():
                print(f"README.md:{block.line}: skipped (needs ../shared)", file=sys.stderr)
                continue
            results.append((block, [run(step.command, cwd) for step in block.steps]))
    README.write_text(updated(text, results), encoding="utf-8")


if __name__ == "__main__":
    main()
