"""Run the ``classesduo`` command in a child process, optionally with a file-size limit (a full disk)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: The checkout the child runs (CLASSESDUO_TEST_CODE=/other/checkout runs these tests against another version).
ROOT = Path(os.environ.get("CLASSESDUO_TEST_CODE") or Path(__file__).resolve().parents[2])


def run_cli(*args: str, file_size_limit: int | None = None, umask: int | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m classesduo ARGS``; ``file_size_limit`` makes every write past that many bytes fail as on a
    full disk (RLIMIT_FSIZE; Python ignores SIGXFSZ, so the write returns an error instead)."""

    def limit() -> None:
        if umask is not None:
            os.umask(umask)
        if file_size_limit is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    environment.pop("CLASSESDUO_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "classesduo", *args], capture_output=True, text=True,
                          env=environment, preexec_fn=limit, timeout=120, check=False,
                          cwd=environment["PYTHONPATH"].split(os.pathsep)[0])
