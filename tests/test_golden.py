"""The seed's briefing, word for word: its JSON and the text of its PDF and DOCX match tests/golden/."""

from __future__ import annotations

import difflib

import pytest

from .golden_support import GOLDEN, UPDATE, seed_outputs


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    return seed_outputs()


@pytest.mark.parametrize("name", ["seed.json", "seed.pdf.txt", "seed.docx.txt"])
def test_the_seed_briefing_matches_its_golden_file(outputs: dict[str, str], name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    if outputs[name] != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), outputs[name].splitlines(True),
                                            f"tests/golden/{name}", "built now", n=1))
        pytest.fail(f"the seed's briefing changed ({name}). If the change is deliberate, run {UPDATE}, "
                    f"read `git diff tests/golden` and commit it.\n{diff[:4000]}", pytrace=False)
