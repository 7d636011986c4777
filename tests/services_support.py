"""A real Redis and a real PostgreSQL for the Celery tests, each started on 127.0.0.1 in a temporary
folder and stopped afterwards. PostgreSQL refuses to run as root, so under root (as in CI) it runs
as the `postgres` user its package creates. Absent programs skip the tests, saying which."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .delivery_support import free_port


def _program(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))  # Debian keeps them off PATH
    return versions[-1] if versions else None


def _wait_port(port: int, proc: subprocess.Popen | None, what: str, timeout: float = 30.0) -> None:
    import socket

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what} ended with status {proc.returncode} before listening")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on port {port} within {timeout:g} s")


@contextmanager
def redis_server() -> Iterator[str]:
    """A Redis on a free port, no persistence; yields its URL."""
    program = shutil.which("redis-server")
    if program is None:
        pytest.skip("redis-server is not installed (scripts/test.sh installs it with apt-get)")
    port = free_port()
    folder = tempfile.mkdtemp(prefix="briefing-redis-")
    proc = subprocess.Popen([program, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_port(port, proc, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(postgres: str, name: str) -> str:
    """A fresh database on the test's PostgreSQL, so that each test has a ledger of its own."""
    import psycopg

    plain = postgres.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return postgres.rsplit("/", 1)[0] + f"/{name}"


def start_worker(cfg_path: Path, name: str) -> subprocess.Popen:
    with open(cfg_path.parent / f"{name}.log", "wb") as log:
        return subprocess.Popen([sys.executable, "-m", "briefing", "-c", str(cfg_path), "worker"], stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)


def workers_ready(cfg_path: Path, *names: str) -> bool:
    return all("ready." in (cfg_path.parent / f"{n}.log").read_text(errors="replace") for n in names)


def stop_process(worker: subprocess.Popen) -> None:
    if worker.poll() is not None:
        return
    os.killpg(worker.pid, signal.SIGTERM)
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


def _as_owner(cmd: list[str], owner: str | None) -> list[str]:
    return ["runuser", "-u", owner, "--", *cmd] if owner else cmd


@contextmanager
def postgres_server() -> Iterator[str]:
    """A PostgreSQL cluster in a temporary folder with a database `briefing`; yields its SQLAlchemy URL."""
    initdb, pg_ctl = _program("initdb"), _program("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL (initdb, pg_ctl) is not installed (scripts/test.sh installs it with apt-get)")
    owner = None
    if os.geteuid() == 0:  # PostgreSQL will not run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user for PostgreSQL to run as")
        owner = user.pw_name
    folder = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
    data = folder / "data"
    if owner:
        os.chown(folder, user.pw_uid, user.pw_gid)
    port = free_port()
    subprocess.run(_as_owner([initdb, "-D", str(data), "-U", "briefing", "--auth=trust", "-E", "UTF8",
                              "--no-sync"], owner), check=True, capture_output=True, cwd=folder)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_owner([pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
                             owner), check=True, capture_output=True, cwd=folder)
    try:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={port} user=briefing dbname=postgres", autocommit=True) as db:
            db.execute("CREATE DATABASE briefing")
        yield f"postgresql+psycopg://briefing@127.0.0.1:{port}/briefing"
    finally:
        subprocess.run(_as_owner([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], owner),
                       capture_output=True, cwd=folder)
        shutil.rmtree(folder, ignore_errors=True)
