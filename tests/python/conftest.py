"""Shared fixtures: one published version of the default pipeline, made by the real binary."""
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def binary():
    path = os.environ.get("REPORTMINE_BIN")
    if path:
        return Path(path)
    subprocess.run(["cargo", "build", "--quiet"], cwd=REPO, check=True)
    return REPO / "target" / "debug" / "reportmine"


@pytest.fixture(scope="session")
def version_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("output")
    run = subprocess.run(
        [str(binary()), "run", "--output", str(out), "--quiet"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    latest = out / "cambridgeshire-pcc" / "latest"
    assert latest.is_dir()
    return latest
