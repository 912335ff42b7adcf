"""Send an invitation through the user's own SMTP server, always over TLS.

``starttls`` (port 587, the default) or ``ssl`` (port 465); certificates are
verified with the system's trust store (``cafile`` for a private one). The
password is never written in the data folder: it comes from the system keyring
(service ``classesduo-smtp``), ``CLASSESDUO_SMTP_PASSWORD`` for scripts, or is
asked each time.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from dataclasses import dataclass

from classesduo.domain.i18n import translate
from classesduo.services.errors import ServiceError
from classesduo.services.invitation_mail import InvitationMail

KEYRING_SERVICE = "classesduo-smtp"
PASSWORD_ENV = "CLASSESDUO_SMTP_PASSWORD"


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int = 587
    username: str = ""
    security: str = "starttls"  # or "ssl"
    cafile: str | None = None


def smtp_password(server: SmtpServer) -> str | None:
    """From the environment or the system keyring; None: ask the user."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    from classesduo.services.caldav_sync import _keyring

    ring = _keyring()
    if ring is None or not server.username:
        return None
    try:
        return ring.get_password(KEYRING_SERVICE, f"{server.username}@{server.host}")
    except Exception:  # noqa: BLE001 - a locked keyring: ask instead
        return None


def send(mail: InvitationMail, server: SmtpServer, password: str | None, timeout: float = 30) -> None:
    """Send the message to its recipients; ServiceError naming what went wrong (or which recipients were refused)."""
    context = ssl.create_default_context(cafile=server.cafile)
    message = mail.message
    del message["X-Unsent"]  # it is being sent, not opened as a draft
    try:
        if server.security == "ssl":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=context)
        else:
            connection = smtplib.SMTP(server.host, server.port, timeout=timeout)
        with connection:
            if server.security != "ssl":
                connection.starttls(context=context)  # refuses to go on in clear text
            if server.username:
                connection.login(server.username, password or "")
            refused = connection.send_message(message)
    except smtplib.SMTPAuthenticationError as error:
        raise ServiceError(translate("services", "The mail server refused the user name or password.")) from error
    except smtplib.SMTPNotSupportedError as error:
        raise ServiceError(translate("services", "The mail server {host} offers no TLS; nothing was sent.").format(
            host=server.host)) from error
    except ssl.SSLError as error:
        raise ServiceError(translate("services", "The mail server's certificate could not be verified ({error}); "
                                                 "nothing was sent.").format(error=error.reason or error)) from error
    except (smtplib.SMTPException, OSError) as error:
        raise ServiceError(translate("services", "Could not send through {host}:{port}: {error}").format(
            host=server.host, port=server.port, error=error)) from error
    if refused:
        raise ServiceError(translate("services", "The mail server refused: {addresses}").format(
            addresses=", ".join(refused)))
