"""The seed article, scored by the shared checker through the real command line."""

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/examples/seed is not beside this checkout")


def test_seed_article_meets_every_must():
    tidings = Path(sys.executable).parent / "tidings"
    extract = subprocess.run([str(tidings), "extract", str(SEED), "--format", "jsonl"], capture_output=True,
                             text=True, cwd=ROOT, check=True)
    check = subprocess.run([sys.executable, str(SEED.parent / "check_expected.py"), "-"], input=extract.stdout,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert "FAIL [must]" not in check.stdout
