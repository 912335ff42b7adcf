"""Sending an invitation through a local SMTP server that requires STARTTLS and a login."""

from __future__ import annotations

import datetime as dt
import email
import ssl
from email import policy
from pathlib import Path

import pytest

from classesduo.cli import main
from classesduo.services import planning
from classesduo.services.duos import list_duos
from classesduo.services.errors import ServiceError
from classesduo.services.invitation_mail import session_invitation
from classesduo.services.smtp_send import SmtpServer, send
from classesduo.services.workspace import Workspace

aiosmtpd = pytest.importorskip("aiosmtpd")


def _certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    import ipaddress

    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802 - aiosmtpd's hook
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server(tmp_path: Path):  # noqa: ANN201
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    cert, key = _certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticate(server, session, envelope, mechanism, auth_data):  # noqa: ANN001, ANN202
        return AuthResult(success=auth_data.login == b"camille" and auth_data.password == b"s3cret", handled=False)

    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
                            authenticator=authenticate, auth_required=True)
    controller.start()
    yield inbox, port, cert
    controller.stop()


def test_sent_over_starttls_with_its_calendar_part(demo_workspace: Workspace, demo_dir: Path, smtp_server,
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    inbox, port, cert = smtp_server
    db = demo_workspace.db
    duo = next(v for v in list_duos(db) if v.partner.city == "Buenos Aires")
    created = planning.create_session(db, duo.duo.id, dt.datetime(2027, 3, 16, 14, tzinfo=dt.UTC), 45)
    mail = session_invitation(db, created.id)
    with pytest.raises(ServiceError, match="user name or password"):
        send(mail, SmtpServer("127.0.0.1", port, "camille", cafile=str(cert)), "wrong")
    with pytest.raises(ServiceError, match="certificate"):  # an unknown certificate is never trusted
        send(session_invitation(db, created.id), SmtpServer("127.0.0.1", port, "camille"), "s3cret")
    send(session_invitation(db, created.id), SmtpServer("127.0.0.1", port, "camille", cafile=str(cert)), "s3cret")
    (recipients, data), = inbox.messages
    assert set(recipients) == set(mail.recipients)
    received = email.message_from_bytes(data, policy=policy.default)
    part = next(p for p in received.walk() if p.get_content_type() == "text/calendar")
    assert part.get_param("method") == "REQUEST" and "X-Unsent" not in received

    monkeypatch.setenv("CLASSESDUO_SMTP_PASSWORD", "s3cret")
    monkeypatch.setenv("CLASSESDUO_SMTP_CAFILE", str(cert))
    assert main(["--data-dir", str(demo_dir), "invite", created.id, "-o", str(tmp_path / "i.eml"), "--send",
                 "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--smtp-user", "camille"]) == 0
    assert len(inbox.messages) == 2
