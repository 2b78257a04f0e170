"""The single-machine `code` never loads the distributed engine (nor its start-up time)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from eventcoder.cli import main
sys.argv = ["eventcoder", "code", "--no-store", sys.argv[1]]
try:
    main()
except SystemExit as e:
    assert e.code == 0, e.code
print(" ".join(sorted({m.split(".")[0] for m in sys.modules} & {"dask", "distributed", "duckdb", "fsspec"})))
"""


def test_code_without_dask_imports_no_dask(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Russia's foreign minister met Chinese officials in Beijing on Friday.\n")
    done = subprocess.run([sys.executable, "-c", PROBE, str(article)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
