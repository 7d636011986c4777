"""The e-mail channel: one message per recipient, so one refused recipient never causes a resend to others.

The body is templates/email.html (Jinja2, autoescaped; a user's templates folder may override it)
with a plain-text alternative of the same content: key facts, upcoming meetings, what changed,
warnings. Attached: the PDF, the DOCX when ``email.attach_docx``, and the upcoming meetings as
an .ics calendar. The message is built from the run's stored files, so a re-delivery after a
failure sends what was built, without a rebuild.
"""

from __future__ import annotations

import hashlib
import os
import smtplib
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parseaddr

import jinja2

from ..config import Config, Schedule
from ..data import load_data
from ..errors import RenderError
from ..labels import labels_for
from ..render.html import environment
from ..render.view import make_view
from . import DeliveryError, Parcel

TEMPLATE = "email.html"
ATTACH = {".pdf": ("application", "pdf"),
          ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
          ".ics": ("text", "calendar")}


def targets(config: Config, job: Schedule) -> list[str]:
    return list(dict.fromkeys(job.recipients))  # a recipient listed twice still gets one copy


def retry(config: Config) -> tuple[int, float]:
    return config.email.retries, config.email.retry_backoff_seconds


def _labels(language: str) -> dict[str, str]:
    own = {k: (v.get(language) or v["en"]) for k, v in load_data("email").items()}
    return {**labels_for(language), **own}


def view(parcel: Parcel) -> dict:
    """What the mail shows, prepared once for the HTML body and the plain-text part alike.

    Dates, parties and change labels come from the same View the PDF and DOCX use.
    """
    shown = make_view(parcel.briefing, parcel.config)
    b, lang = shown.briefing, shown.lang
    meetings = [{"title": m.title, "when": shown.when(m, "span"), "place": shown.place(m.location) or "",
                 "participants": shown.parties(m.participants), "format": shown.meeting_format(m)}
                for m in b.upcoming]
    return {
        "title": b.title,
        "as_of": shown.day(b.as_of),
        "classification": b.classification,
        "key_facts": list(b.key_facts),
        "meetings": meetings,
        "changes": None if b.changes is None else [{"label": shown.change_kind(c.kind), "text": c.text}
                                                   for c in b.changes],
        "warnings": list(b.warnings),
        "attachments": [p.name for p in attachments(parcel)],
        "sent_by": _labels(lang)["sent_by"].format(job=parcel.job.id),
        "lang": lang,
    }


def attachments(parcel: Parcel) -> list:
    found = parcel.by_suffix(".pdf")
    if parcel.config.email.attach_docx:
        found += parcel.by_suffix(".docx")
    return found + parcel.by_suffix(".ics")


def html_body(parcel: Parcel, v: dict) -> str:
    try:
        template = environment(parcel.config).get_template(TEMPLATE)
    except jinja2.TemplateNotFound:
        raise RenderError(f"the e-mail template {TEMPLATE!r} was not found") from None
    return template.render(v=v, L=_labels(v["lang"]))


def text_body(v: dict, L: dict[str, str]) -> str:
    lines = [v["title"], f"{L['as_of']}: {v['as_of']}"]
    if v["classification"]:
        lines.insert(0, v["classification"])
    if v["warnings"]:
        lines += ["", L["warnings"].upper(), *[f"! {w}" for w in v["warnings"]]]
    lines += ["", L["key_facts"].upper()]
    lines += [f"- {f}" for f in v["key_facts"]] or [L["no_key_facts"]]
    lines += ["", L["upcoming_meetings"].upper()]
    for m in v["meetings"]:
        extra = "; ".join(x for x in (m["place"], m["participants"], m["format"]) if x)
        lines.append(f"- {m['when']}: {m['title']}" + (f" ({extra})" if extra else ""))
    if not v["meetings"]:
        lines.append(L["no_meetings"])
    lines += ["", L["changes"].upper()]
    if v["changes"] is None:
        lines.append(L["first_briefing"])
    else:
        lines += [f"- {c['label']}: {c['text']}" for c in v["changes"]] or [L["no_changes"]]
    if v["attachments"]:
        lines += ["", f"{L['attached']}: {', '.join(v['attachments'])}"]
    lines += ["", "-- ", v["sent_by"]]
    return "\n".join(lines) + "\n"


def message(parcel: Parcel, recipient: str) -> EmailMessage:
    v = view(parcel)
    L = _labels(v["lang"])
    changed = bool(v["changes"])
    subject = L["subject_changed" if changed else "subject"].format(title=v["title"], date=v["as_of"])
    if v["classification"]:  # the marking travels where every mail client shows it
        subject = f"[{v['classification']}] {subject}"
    sender = parcel.config.email.sender
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = formataddr(parseaddr(sender))
    msg["To"] = recipient
    msg["Date"] = format_datetime(datetime.now(UTC))
    # The same run and recipient always get the same Message-ID, so a receiver can spot a duplicate.
    domain = sender.rpartition("@")[2] or "localhost"
    key = hashlib.sha256(f"{parcel.run_id}|{parcel.stamp}|{recipient}".encode()).hexdigest()[:16]
    msg["Message-ID"] = f"<briefing.{parcel.job.id}.{parcel.stamp}.{key}@{domain}>"
    msg.set_content(text_body(v, L))
    msg.add_alternative(html_body(parcel, v), subtype="html")
    for path in attachments(parcel):
        maintype, subtype = ATTACH[path.suffix]
        # No iMIP method parameter: it must match a METHOD inside the calendar, which has none.
        params = {"params": {"charset": "utf-8"}} if subtype == "calendar" else {}
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name, **params)
    return msg


def _credentials(config: Config) -> tuple[str, str] | None:
    e = config.email
    user = os.environ.get(e.user_env) if e.user_env else None
    if not user:
        return None
    password = os.environ.get(e.password_env) if e.password_env else None
    if password is None:
        raise DeliveryError(f"the SMTP user is set in ${e.user_env}, but ${e.password_env or 'password_env'} is not")
    return user, password


def send_email(parcel: Parcel, recipient: str) -> str:
    e = parcel.config.email
    msg = message(parcel, recipient)
    context = ssl.create_default_context()
    if e.security == "tls":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(e.host, e.port, timeout=e.timeout_seconds, context=context)
    else:
        smtp = smtplib.SMTP(e.host, e.port, timeout=e.timeout_seconds)
    with smtp:
        if e.security == "starttls":
            smtp.starttls(context=context)
        login = _credentials(parcel.config)
        if login:
            smtp.login(*login)
        smtp.send_message(msg, from_addr=parseaddr(e.sender)[1] or e.sender, to_addrs=[recipient])
    return f"accepted by {e.host}:{e.port}"
