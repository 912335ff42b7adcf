"""The built wheel (not the checkout) carries its resources and migrations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_runs_from_a_fresh_venv(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("classesduo-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    # Dependencies come from the test environment's site-packages (read through a .pth file, which does
    # not process that folder's own .pth files, so an editable checkout is not visible); the app itself
    # comes only from the wheel.
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLASSESDUO_")}
    env["PYTHONPATH"] = ""
    run = lambda *args: subprocess.run([str(venv / "bin" / "classesduo"), *args], capture_output=True,  # noqa: E731
                                       text=True, timeout=300, cwd=tmp_path, env=env)

    version = run("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("classesduo ")
    data = tmp_path / "data"
    demo = run("--data-dir", str(data), "demo")
    assert demo.returncode == 0, demo.stderr
    assert "Demo loaded" in demo.stdout
    duos = json.loads(run("--data-dir", str(data), "list", "duos", "--json").stdout)
    assert len(duos) == 12
    where = subprocess.run(
        [str(python), "-c", "import classesduo, classesduo.paths as p; print(classesduo.__file__);"
                            "print(p.resources_dir()); print(p.migrations_dir())"],
        capture_output=True, text=True, check=True, cwd=tmp_path, env=env).stdout.split()
    assert all(line.startswith(str(venv)) for line in where), where
    # The report's words, country names and CJK font travel in the wheel: a French report reads French.
    report = run("--data-dir", str(data), "report", "--term", "2026-2027/1", "--lang", "fr", "-o",
                 str(tmp_path / "r.csv"))
    assert report.returncode == 0, report.stderr
    text = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert "Chiffres clés" in text and "Corée du Sud" in text and "Évolution" in text
    assert Path(where[1], "fonts", "ClassesDuoCJK-Regular.otf").is_file()
    assert Path(where[1], "data", "first_names.txt").is_file()
    assert Path(where[1], "translations", "classesduo_es.qm").is_file()  # the invitation's Spanish
