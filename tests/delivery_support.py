"""Helpers for the scheduling and delivery tests: a real SMTP server on localhost, a job config, the ledger."""

from __future__ import annotations

import email
import email.policy
import shutil
import socket
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import yaml
from aiosmtpd.controller import Controller

from briefing.config import load_config
from briefing.scheduler.ledger import Ledger
from briefing.scheduler.state_folder import StateFolder

from .conftest import SEED

# A user template that renders for a very long time: a legitimately slow input, not a test hook.
ROOMY_MINUTES = 10.0
"""The test jobs' time limit: far above a cold build on a loaded machine (a build past it fails its run);
tests of the limit set their own."""
SLOW_TEMPLATE = "{% for i in range(10 ** 10) %}{% endfor %}slow\n"
FAST_TEMPLATE = "<html><body><h1>{{ b.title }}</h1></body></html>\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Collector:
    """An aiosmtpd handler that keeps every message; it can refuse a recipient the first n times."""

    def __init__(self, refuse: dict[str, int] | None = None) -> None:
        self.refuse = dict(refuse or {})
        self.messages: list[tuple[list[str], EmailMessage]] = []
        self.refused: list[str] = []
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        with self.lock:
            if self.refuse.get(address, 0) > 0:
                self.refuse[address] -= 1
                self.refused.append(address)
                return "450 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [m for rcpts, m in self.messages if address in rcpts]


class SMTPServer:
    def __init__(self, port: int | None = None, refuse: dict[str, int] | None = None) -> None:
        self.port = port or free_port()
        self.handler = Collector(refuse)
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> Collector:
        self.controller.start()
        return self.handler

    def __exit__(self, *exc) -> None:
        self.controller.stop()


def make_project(where: Path, smtp_port: int | None = None, job: dict | None = None, **top) -> Path:
    """A project folder: seeds/ with the seed article, and a config.yaml with one job 'daily'."""
    (where / "seeds").mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, where / "seeds" / SEED.name)
    schedule = {"id": "daily", "cron": "0 7 * * *", "timezone": "Europe/Berlin", "formats": ["json", "html"],
                "deliver": ["folder"], "as_of": "2022-01-07", "timeout_minutes": ROOMY_MINUTES}
    schedule.update(job or {})
    data = {"title": "Lagebild Test", "seeds": "seeds", "out": "out", "state": "state", "language": "de",
            "folder": {"path": "delivered", "keep": 5, "retries": 2, "retry_backoff_seconds": 0.05},
            "email": {"host": "127.0.0.1", "port": smtp_port or free_port(), "security": "none",
                      "sender": "lage@example.org", "user_env": None, "password_env": None,
                      "retries": 3, "retry_backoff_seconds": 0.1, "timeout_seconds": 5},
            "schedules": [schedule]}
    data.update(top)
    path = where / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def folder_of(config_path: Path) -> StateFolder:
    return StateFolder(load_config(config_path))


def ledger_of(config_path: Path) -> Ledger:
    return folder_of(config_path).ledger()


def wait_for(check: Callable[[], object], timeout: float = 120.0, every: float = 0.1) -> object:
    """Poll ``check`` until it returns something true; fail the test past ``timeout``, which is only how
    long to wait before calling it failed: ample for a loaded 2-core machine, never part of what is tested."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"gave up waiting after {timeout} s")


def attachments(msg: EmailMessage) -> dict[str, bytes]:
    """File name -> the exact bytes attached (transfer encoding undone)."""
    return {part.get_filename(): part.get_payload(decode=True) for part in msg.iter_attachments()}
