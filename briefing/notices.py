"""Notices a build gives the reader (an undated source, a skipped file), said in the briefing's language.

Stages that find a problem before the briefing's language is known return a ``Notice`` (a key of
data/notices.yaml and its values); the pipeline says it once the language is settled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .data import load_data


@dataclass(frozen=True)
class Notice:
    key: str
    values: dict[str, str] = field(default_factory=dict)

    def say(self, language: str) -> str:
        return say(self.key, language, **self.values)


def say(key: str, language: str, **values: object) -> str:
    entry = load_data("notices")[key]
    return (entry.get(language) or entry["en"]).format(**values)
