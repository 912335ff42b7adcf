"""Drive :mod:`tests.helpers.writer` from a test: start writers, read their commits, kill them."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20  # seconds: only reached if something is badly wrong


class Writer:
    def __init__(self, data_dir: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.stderr = open(data_dir.parent / "writer-stderr.txt", "w")  # noqa: SIM115 - read on failure
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.writer", str(data_dir)], cwd=ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, bufsize=1)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.expect("ready")
        self.committed: list[int] = []
        self.children = 0

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())
        self.lines.put("eof")

    def expect(self, prefix: str) -> str:
        while True:
            line = self.lines.get(timeout=TIMEOUT)
            if line == "eof":
                raise RuntimeError("the writer process ended")
            if line.startswith("commit "):
                self.committed.append(int(line.split()[1]))
            if line.startswith(prefix):
                return line
            if line.startswith("dead "):
                raise RuntimeError(f"a writer child died on its own (see writer-stderr.txt): {line}")

    def start_child(self) -> int:
        assert self.process.stdin is not None
        # Each child numbers from its own range: a commit may land just before a kill, unreported.
        self.children += 1
        self.process.stdin.write(f"go {self.children * 100_000}\n")
        self.process.stdin.flush()
        return int(self.expect("child ").split()[1])

    def wait_commits(self, count: int) -> None:
        target = len(self.committed) + count
        while len(self.committed) < target:
            self.expect("commit ")

    def kill_child(self, pid: int) -> None:
        os.kill(pid, signal.SIGKILL)
        self.expect(f"dead {pid}")

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=TIMEOUT)
