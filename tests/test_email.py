"""The e-mail channel against a real SMTP server (aiosmtpd on 127.0.0.1): one message per recipient,
body and attachments, retries per recipient, and re-delivery from stored files after an outage."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from briefing.__main__ import main
from briefing.config import load_config
from briefing.deliver import Parcel, mail
from briefing.deliver.mail import DeliveryError, _credentials
from briefing.render.view import make_view
from briefing.scheduler.runs import resume_unfinished
from briefing.scheduler.states import DELIVERY_FAILED, OK
from briefing.scheduler.tables import run_job_now
from briefing.serialize import briefing_from_dict, briefing_to_json

from .briefing_factory import make_briefing, sample_changes
from .delivery_support import SMTPServer, attachments, folder_of, free_port, ledger_of, make_project

A, B = "anna@example.org", "bernd@example.org"


@pytest.mark.slow
def test_each_recipient_gets_one_message_with_html_text_and_calendar(tmp_path: Path) -> None:
    port = free_port()
    cfg_path = make_project(tmp_path, port, job={"deliver": ["email"], "recipients": [A, B, A]},
                            title="Lage <b>& Co</b>")
    with SMTPServer(port) as smtp:
        assert run_job_now(load_config(cfg_path), "daily") == 0
    assert len(smtp.to(A)) == 1 and len(smtp.to(B)) == 1  # A listed twice still gets one copy
    assert len(smtp.messages) == 2 and all(len(rcpts) == 1 for rcpts, _ in smtp.messages)
    msg = smtp.to(A)[0]
    assert msg["To"] == A and msg["From"] == "lage@example.org"
    assert "Lage <b>& Co</b>" in msg["Subject"] and "7. Januar 2022" in msg["Subject"]
    html = msg.get_body(("html",)).get_content()
    text = msg.get_body(("plain",)).get_content()
    # Autoescaped: the title is text in the HTML body, never markup.
    assert "Lage &lt;b&gt;&amp; Co&lt;/b&gt;" in html and "<b>& Co" not in html
    for label in ("Das Wichtigste", "Anstehende Termine", "Was sich geändert hat"):
        assert label in html and label.upper() in text
    assert "Erstes Lagebild" in html  # no previous briefing: nothing to compare with
    files = attachments(msg)
    assert list(files) == ["lage-b-co-b-2022-01-07.ics"]
    assert files["lage-b-co-b-2022-01-07.ics"].startswith(b"BEGIN:VCALENDAR")
    ics_part = next(msg.iter_attachments())
    assert ics_part.get_content_type() == "text/calendar"
    # The same run and recipient always carry the same Message-ID; different recipients differ.
    assert smtp.to(A)[0]["Message-ID"] != smtp.to(B)[0]["Message-ID"]
    ledger = ledger_of(cfg_path)
    run = ledger.runs("daily")[0]
    assert run.status == OK
    assert {(d.target, d.status, d.attempts) for d in ledger.deliveries(run.id)} == {(A, OK, 1), (B, OK, 1)}


@pytest.mark.slow
def test_pdf_and_docx_attached(tmp_path: Path) -> None:
    port = free_port()
    cfg_path = make_project(tmp_path, port, job={"deliver": ["email"], "recipients": [A], "formats": ["pdf", "docx"]})
    with SMTPServer(port) as smtp:
        assert run_job_now(load_config(cfg_path), "daily") == 0
    files = attachments(smtp.to(A)[0])
    names = sorted(files)
    assert [n.rsplit(".", 1)[1] for n in names] == ["docx", "ics", "pdf"]
    pdf = next(n for n in names if n.endswith(".pdf"))
    assert files[pdf].startswith(b"%PDF-")
    stored = folder_of(cfg_path).run_dir(1) / pdf
    assert files[pdf] == stored.read_bytes()  # what was sent is what the run built


@pytest.mark.slow
def test_refused_recipient_is_retried_and_nobody_gets_two_copies(tmp_path: Path) -> None:
    port = free_port()
    cfg_path = make_project(tmp_path, port, job={"deliver": ["email"], "recipients": [A, B]})
    with SMTPServer(port, refuse={B: 2}) as smtp:
        assert run_job_now(load_config(cfg_path), "daily") == 0
    assert smtp.refused == [B, B]
    assert len(smtp.to(A)) == 1 and len(smtp.to(B)) == 1
    ledger = ledger_of(cfg_path)
    run = ledger.runs("daily")[0]
    attempts = {d.target: (d.status, d.attempts) for d in ledger.deliveries(run.id)}
    assert attempts == {A: (OK, 1), B: (OK, 3)}


@pytest.mark.slow
def test_server_down_leaves_failed_deliveries_that_the_next_start_and_run_retry_send_without_rebuilding(
        tmp_path: Path, capsys) -> None:
    port = free_port()  # nothing listens here yet
    cfg_path = make_project(tmp_path, port, job={"deliver": ["folder", "email"], "recipients": [A, B]})
    config = load_config(cfg_path)
    config.email.retries = 2
    assert run_job_now(config, "daily") == 1
    ledger = ledger_of(cfg_path)
    run = ledger.runs("daily")[0]
    assert run.status == DELIVERY_FAILED and "email to" in run.error
    records = {(d.channel, d.target): d for d in ledger.deliveries(run.id)}
    assert records[("folder", str(tmp_path / "delivered"))].status == OK
    assert records[("email", A)].status == "failed" and records[("email", A)].attempts == 2
    built = {p.name: p.stat().st_mtime_ns for p in folder_of(cfg_path).run_dir(run.id).iterdir()}

    # The server is back but still refuses B: what the scheduler does at its next start.
    with SMTPServer(port, refuse={B: 100}) as smtp:
        (resumed,) = resume_unfinished(load_config(cfg_path))
    assert resumed.id == run.id and resumed.status == DELIVERY_FAILED
    assert len(smtp.to(A)) == 1 and smtp.to(B) == []

    with SMTPServer(port) as smtp_later:
        assert main(["-c", str(cfg_path), "run", "daily", "--retry-only"]) == 0
        assert main(["-c", str(cfg_path), "run", "daily", "--retry-only"]) == 0  # nothing owed any more
    assert "nothing to retry" in capsys.readouterr().out
    assert smtp_later.to(A) == [] and len(smtp_later.to(B)) == 1  # A already had it: not sent again
    after = ledger.get(run.id)
    assert after.status == OK and after.attempts == 1  # one build only
    assert {p.name: p.stat().st_mtime_ns for p in folder_of(cfg_path).run_dir(run.id).iterdir()} == built
    records = {(d.channel, d.target): d for d in ledger.deliveries(run.id)}
    assert records[("folder", str(tmp_path / "delivered"))].attempts == 1  # the folder was not sent again
    assert (records[("email", A)].attempts, records[("email", B)].attempts) == (3, 6)
    assert sum("without a rebuild" in text for _, text in ledger.events(run.id)) == 2
    assert len(ledger.runs("daily")) == 1


def test_body_lists_changes_meetings_and_warnings(tmp_path: Path) -> None:
    cfg_path = make_project(tmp_path, job={"deliver": ["email"], "recipients": [A]})
    config = load_config(cfg_path)
    b = make_briefing(changes=sample_changes())
    b.warnings = ["stale sources: <newest> is 80 hours old"]
    parcel = Parcel(run_id=7, job=config.schedules[0], config=config, stamp="20220107T060000Z", files={},
                    briefing=b)
    msg = mail.message(parcel, A)
    html = msg.get_body(("html",)).get_content()
    text = msg.get_body(("plain",)).get_content()
    assert "(geändert)" in msg["Subject"]
    for change in sample_changes():
        assert change.text in text
    assert "Neuer Termin:</strong> Treffen des Kooperationsrats, 15. März" in html
    assert "Entfallen:</strong> Ministertreffen in Genf" in html
    assert "stale sources: &lt;newest&gt; is 80 hours old" in html and "! stale sources: <newest>" in text
    assert "Sondersitzung der Außenminister" in html  # an upcoming meeting of the briefing


def test_user_without_password_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(make_project(tmp_path))
    config.email.user_env, config.email.password_env = "TEST_SMTP_USER", "TEST_SMTP_PASSWORD"
    monkeypatch.setenv("TEST_SMTP_USER", "lage")
    monkeypatch.delenv("TEST_SMTP_PASSWORD", raising=False)
    with pytest.raises(DeliveryError, match=r"\$TEST_SMTP_PASSWORD is not"):
        _credentials(config)
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "secret")
    assert _credentials(config) == ("lage", "secret")


class _Logins:
    """An aiosmtpd authenticator that accepts one user and password, and remembers every try."""

    def __init__(self, user: str, password: str) -> None:
        self.good = (user.encode(), password.encode())
        self.tries: list[tuple[bytes, bytes]] = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == self.good
        if isinstance(auth_data, LoginPassword):
            self.tries.append((auth_data.login, auth_data.password))
        return AuthResult(success=ok, handled=False)


def _tls_parcel(tmp_path: Path, security: str, port: int) -> Parcel:
    config = load_config(make_project(tmp_path, port, job={"deliver": ["email"], "recipients": [A]}))
    config.email.host, config.email.security, config.email.retries = "localhost", security, 2
    config.email.retry_backoff_seconds = 0.01
    config.email.user_env, config.email.password_env = "TEST_SMTP_USER", "TEST_SMTP_PASSWORD"
    ics = tmp_path / "lage.ics"
    ics.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
    return Parcel(run_id=3, job=config.schedules[0], config=config, stamp="20240502T050000Z", files={},
                  extras={ics.name: ics}, briefing=make_briefing())


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_encrypted_connection_with_login_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              security: str) -> None:
    import ssl

    import trustme

    from briefing.deliver import get_channel, send_with_retries

    from .delivery_support import Collector

    ca = trustme.CA()
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(server_ctx)
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))  # the client trusts this test CA only
    monkeypatch.setenv("TEST_SMTP_USER", "lage")
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "geheim")
    logins, handler, port = _Logins("lage", "geheim"), Collector(), free_port()
    # With TLS from the first byte aiosmtpd cannot tell the connection is encrypted, so it is told
    # not to insist; STARTTLS it sees, and AUTH is offered only after it.
    tls = {"tls_context": server_ctx, "require_starttls": True} if security == "starttls" else \
        {"ssl_context": server_ctx, "auth_require_tls": False}
    controller = Controller(handler, hostname="127.0.0.1", port=port, authenticator=logins, auth_required=True,
                            server_hostname="localhost", **tls)
    controller.start()
    try:
        parcel = _tls_parcel(tmp_path, security, port)
        outcome = send_with_retries(get_channel("email"), parcel, A)
        assert outcome.ok and outcome.attempts == 1, outcome.note
        monkeypatch.setenv("TEST_SMTP_PASSWORD", "falsch")
        refused = send_with_retries(get_channel("email"), parcel, A)
        assert not refused.ok and refused.attempts == 2 and "535" in refused.note
    finally:
        controller.stop()
    assert logins.tries[0] == (b"lage", b"geheim")
    assert len(logins.tries) >= 3 and set(logins.tries[1:]) == {(b"lage", b"falsch")}
    (msg,) = handler.to(A)
    assert attachments(msg) == {"lage.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"}


def test_the_mail_dates_meetings_as_the_pdf_does_from_the_stored_briefing(tmp_path: Path) -> None:
    config = load_config(make_project(tmp_path, job={"deliver": ["email"], "recipients": [A]}))
    b = make_briefing()
    vague = b.meetings[3]  # 'Ende des Monats': shown as written, with the days it stands for
    vague.start, vague.end = vague.window_start, vague.window_end = date(2023, 3, 27), date(2023, 3, 31)
    stored = briefing_from_dict(json.loads(briefing_to_json(b)))
    parcel = Parcel(run_id=7, job=config.schedules[0], config=config, stamp="20230306T060000Z", files={},
                    briefing=stored)
    shown = make_view(b, config)
    assert [m["when"] for m in mail.view(parcel)["meetings"]] == [shown.when(m, "span") for m in b.upcoming]
    assert any(m["when"].startswith("Ende des Monats (") for m in mail.view(parcel)["meetings"])


def test_the_mail_table_shows_compact_ranges_the_format_and_fits_the_body(tmp_path: Path) -> None:
    config = load_config(make_project(tmp_path, job={"deliver": ["email"], "recipients": [A]}))
    parcel = Parcel(run_id=7, job=config.schedules[0], config=config, stamp="20230306T060000Z", files={},
                    briefing=make_briefing())
    v = mail.view(parcel)
    when = [m["when"].replace("\u2009", " ") for m in v["meetings"]]
    assert "So., 12. – Mo., 13. März 2023" in when  # weekday, one month named once (Babel's interval)
    assert "Fr., 10. März 2023" in when
    assert {m["format"] for m in v["meetings"]} >= {"Videokonferenz", "persönlich"}
    html = mail.html_body(parcel, v)
    assert "nowrap" not in html and "table-layout: fixed" in html
    assert html.count("<th ") == 5  # date, meeting, place, participants, format


def test_the_classification_marking_is_in_the_subject(tmp_path: Path) -> None:
    config = load_config(make_project(tmp_path, job={"deliver": ["email"], "recipients": [A]}))
    b = make_briefing()
    b.classification = "VS – NUR FÜR DEN DIENSTGEBRAUCH"
    parcel = Parcel(run_id=7, job=config.schedules[0], config=config, stamp="20230306T060000Z", files={},
                    briefing=b)
    assert mail.message(parcel, A)["Subject"].startswith("[VS – NUR FÜR DEN DIENSTGEBRAUCH] ")
