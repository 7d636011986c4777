"""Delivery channels as registered entries, like the renderers: each sends one run's files to one target.

A channel names its targets (the folder channel: one folder; e-mail: each recipient) so that the
ledger records each target on its own, and a target that already got a run is never sent it again.
Retries with exponential back-off happen here, per channel and target.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config, Schedule
from ..errors import BriefingError

log = logging.getLogger(__name__)


class DeliveryError(BriefingError):
    """A channel could not deliver to one target (after its retries)."""


@dataclass
class Parcel:
    """What a channel sends: one run's stored files and the briefing's JSON."""

    run_id: int
    job: Schedule
    config: Config
    stamp: str
    """The run's scheduled time, compact and sortable (e.g. 20240501T070000Z), for names."""
    files: dict[str, Path]
    """The job's own formats: file name -> stored file."""
    extras: dict[str, Path] = field(default_factory=dict)
    """Files built for the channels only (the calendar for e-mail): file name -> stored file."""
    briefing: dict = field(default_factory=dict)
    """The briefing as its JSON renderer wrote it."""

    def by_suffix(self, suffix: str) -> list[Path]:
        return [p for name, p in {**self.files, **self.extras}.items() if name.endswith(suffix)]


@dataclass
class Channel:
    name: str
    targets: Callable[[Config, Schedule], list[str]]
    """The targets of a job on this channel, each delivered and recorded on its own."""
    send: Callable[[Parcel, str], str]
    """Deliver the parcel to one target; returns a short note, raises on failure."""
    retry: Callable[[Config], tuple[int, float]]
    """(attempts, first back-off in seconds) from the config."""
    needs: tuple[str, ...] = ()
    """Formats the channel needs built besides the job's own (e.g. ics for the e-mail's calendar)."""


CHANNELS: dict[str, Channel] = {}


def register(name: str, targets: Callable[[Config, Schedule], list[str]],
             retry: Callable[[Config], tuple[int, float]], needs: tuple[str, ...] = ()):
    """Decorator: register ``send(parcel, target) -> note`` as the channel ``name``."""
    def wrap(send: Callable[[Parcel, str], str]) -> Callable[[Parcel, str], str]:
        CHANNELS[name] = Channel(name, targets, send, retry, needs)
        return send
    return wrap


def get_channel(name: str) -> Channel:
    _load_builtins()
    try:
        return CHANNELS[name]
    except KeyError:
        raise BriefingError(f"unknown delivery channel {name!r} (known: {', '.join(sorted(CHANNELS))})") from None


@dataclass
class Outcome:
    ok: bool
    attempts: int
    note: str


def send_with_retries(channel: Channel, parcel: Parcel, target: str, stop: threading.Event | None = None) -> Outcome:
    """Up to the configured attempts, waiting backoff, 2*backoff, ... between them.

    A stop request (the scheduler shutting down) ends the waiting: the target stays failed and
    is delivered on the next start, from the stored files.
    """
    attempts, backoff = channel.retry(parcel.config)
    attempts = max(1, attempts)
    note = ""
    for attempt in range(1, attempts + 1):
        try:
            return Outcome(True, attempt, channel.send(parcel, target))
        except Exception as e:  # any failure of one target is recorded, never raised past it
            note = f"{type(e).__name__}: {e}" if not isinstance(e, DeliveryError) else str(e)
            log.warning("%s to %s failed (attempt %d of %d): %s", channel.name, target, attempt, attempts, note)
        if attempt < attempts:
            wait = backoff * 2 ** (attempt - 1)
            if stop is not None and stop.wait(wait):
                return Outcome(False, attempt, f"{note} (stopped before the next attempt)")
            if stop is None:
                threading.Event().wait(wait)
    return Outcome(False, attempts, note)


def _load_builtins() -> None:
    # Importing a module registers its channel.
    from . import folder, mail  # noqa: F401
