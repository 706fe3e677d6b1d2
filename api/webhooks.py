"""The wire side of webhooks: Standard Webhooks signatures, the SSRF guard and one HTTP POST.

Plain functions with no database access; api/services.py decides what to send and records what happened.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import secrets
import socket
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from standardwebhooks.webhooks import Webhook

SECRET_PREFIX = "whsec_"
RESPONSE_BODY_LIMIT = 2_000  # of a receiver's answer, kept for the delivery log


def secret_generate() -> str:
    """A new signing secret as Standard Webhooks writes it: "whsec_" and 24 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def signature(*, secret: str, message_id: str, timestamp: int, body: str) -> str:
    """The `webhook-signature` header: "v1," and the base64 HMAC-SHA256 of "id.timestamp.body"."""
    return Webhook(secret).sign(message_id, datetime.fromtimestamp(timestamp, tz=UTC), body)


def signed_headers(*, secret: str, message_id: str, timestamp: int, body: str) -> dict[str, str]:
    return {
        "content-type": "application/json",
        "user-agent": "MLAssess-Webhooks/1",
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret=secret, message_id=message_id, timestamp=timestamp, body=body),
    }


class UnsafeDestination(ValueError):
    """A webhook URL we refuse to call: not http(s), or a host that resolves to a non-public address."""


NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def _forbidden(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        # 6to4, Teredo and site-local (fec0::/10): retired schemes no webhook receiver needs, which Python's
        # is_global lets through.
        if address.sixtofour is not None or address.teredo is not None or address.is_site_local:
            return True
        # An IPv4 address carried inside an IPv6 one reaches what that IPv4 address reaches: judged by it.
        if address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        elif address in NAT64:
            address = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return (address.is_loopback or address.is_private or address.is_link_local or address.is_multicast
            or address.is_reserved or address.is_unspecified or not address.is_global)


@dataclass(frozen=True)
class Destination:
    scheme: str
    host: str
    port: int
    path: str
    address: str  # the vetted IP address the request goes to


def destination_check(url: str) -> Destination:
    """Resolve a webhook URL and vet every address it resolves to.

    Refused (UnsafeDestination): anything but http and https, credentials in the URL, and hosts that resolve to
    loopback, private, link-local, multicast, reserved or otherwise non-global addresses, unless
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES (tests and development only). The request then goes to the address
    vetted here, so a second DNS answer (rebinding) cannot send it elsewhere.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeDestination("Only http:// and https:// URLs can receive webhooks.")
    if not parts.hostname:
        raise UnsafeDestination("The URL has no host.")
    if parts.username or parts.password:
        raise UnsafeDestination("Put no user name or password in the URL; verify our signature instead.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise UnsafeDestination("The URL's port is not a number between 0 and 65535.") from exc
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeDestination(f"The host {parts.hostname} does not resolve.") from exc
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES:
        bad = [a for a in addresses if _forbidden(a)]
        if bad:
            raise UnsafeDestination(
                f"The host {parts.hostname} resolves to {bad[0]}, a loopback, private, link-local or reserved "
                "address: webhooks go to public addresses only."
            )
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Destination(scheme=parts.scheme, host=parts.hostname, port=port, path=path, address=str(addresses[0]))


@dataclass(frozen=True)
class Response:
    status: int | None  # None when no HTTP answer came (refused, timed out, unsafe)
    elapsed_ms: int
    body: str
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def post(*, url: str, headers: dict[str, str], body: str, timeout: float) -> Response:
    """POST the body to the URL once. Never follows a redirect (a 3xx is a failed delivery), never raises."""
    started = time.perf_counter()

    def elapsed() -> int:
        return round(1000 * (time.perf_counter() - started))

    try:
        target = destination_check(url)
    except UnsafeDestination as exc:
        return Response(status=None, elapsed_ms=elapsed(), body="", error=str(exc))
    connection_class = http.client.HTTPSConnection if target.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(target.host, target.port, timeout=timeout)
    try:
        sock = socket.create_connection((target.address, target.port), timeout=timeout)
        if target.scheme == "https":
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=target.host)
        connection.sock = sock  # connect to the vetted address; the Host header and SNI keep the name
        connection.request("POST", target.path, body=body.encode(), headers=headers)
        answer = connection.getresponse()
        text = answer.read(RESPONSE_BODY_LIMIT).decode("utf-8", "replace")
        return Response(status=answer.status, elapsed_ms=elapsed(), body=text)
    except (OSError, http.client.HTTPException) as exc:
        return Response(status=None, elapsed_ms=elapsed(), body="", error=f"{type(exc).__name__}: {exc}"[:500])
    finally:
        connection.close()
