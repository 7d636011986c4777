"""A build imports only what its run uses: a local build never loads the ledger database's SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.slow
def test_a_local_build_chooses_its_annotation_cache_without_sqlalchemy(tmp_path) -> None:
    code = ("import sys; from briefing.config import load_config; import briefing.pipeline; "
            "from briefing.annotation_cache import AnnotationCache, cache_for; "
            f"cache = cache_for(load_config(None, state={str(tmp_path)!r})); "
            "print(type(cache) is AnnotationCache, 'sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]
