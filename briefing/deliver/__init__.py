"""Delivery channels as registered entries, like the renderers: each sends one run's files to one target.

A channel names its targets (the folder channel: one folder; e-mail: each recipient) so that the
ledger records each target on its own, and a target that already got a run is never sent it again.
Retries with exponential back-off happen here, per channel and target.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config, Schedule
from ..errors import BriefingError
from ..model import Briefing
from ..registry import Ref, Registry, resolve

log = logging.getLogger(__name__)


class DeliveryError(BriefingError):
    """A channel could not deliver to one target (after its retries)."""


@dataclass
class Parcel:
    """What a channel sends: one run's briefing and its stored files."""

    run_id: int
    job: Schedule
    config: Config
    stamp: str
    """The run's scheduled time, compact and sortable (e.g. 20240501T070000Z), for names."""
    briefing: Briefing
    """The briefing, read back from the run's stored JSON."""
    files: dict[str, Path]
    """The job's own formats: file name -> stored file."""
    extras: dict[str, Path] = field(default_factory=dict)
    """Files built for the channels only (the calendar for e-mail): file name -> stored file."""

    def by_suffix(self, suffix: str) -> list[Path]:
        return [p for name, p in {**self.files, **self.extras}.items() if name.endswith(suffix)]


@dataclass
class Channel:
    name: str
    send: Ref
    """``send(parcel, target) -> note``: deliver to one target; returns a short note, raises on failure."""
    targets: Ref
    """``targets(config, job) -> [target]``: the job's targets on this channel, each delivered and recorded
    on its own."""
    retry: Ref
    """``retry(config) -> (attempts, first back-off in seconds)``."""
    needs: tuple[str, ...] = ()
    """Formats the channel needs built besides the job's own (e.g. ics for the e-mail's calendar)."""
    needs_recipients: bool = False
    """The channel sends to the job's ``recipients``, so a job using it must name at least one."""

    def send_to(self, parcel: Parcel, target: str) -> str:
        return resolve(self.send)(parcel, target)

    def targets_of(self, config: Config, job: Schedule) -> list[str]:
        return resolve(self.targets)(config, job)

    def retry_of(self, config: Config) -> tuple[int, float]:
        return resolve(self.retry)(config)


CHANNELS: Registry[Channel] = Registry("delivery channel", BriefingError, [
    Channel("folder", "briefing.deliver.folder:send_folder", "briefing.deliver.folder:targets",
            "briefing.deliver.folder:retry"),
    Channel("email", "briefing.deliver.mail:send_email", "briefing.deliver.mail:targets",
            "briefing.deliver.mail:retry", needs=("ics",), needs_recipients=True),
])
"""The one list of delivery channels; config checks ask it. An add-on is one more ``CHANNELS.add``."""


def get_channel(name: str) -> Channel:
    return CHANNELS.get(name)


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
    attempts, backoff = channel.retry_of(parcel.config)
    attempts = max(1, attempts)
    note = ""
    for attempt in range(1, attempts + 1):
        try:
            return Outcome(True, attempt, channel.send_to(parcel, target))
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
