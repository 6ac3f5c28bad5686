"""Safe links for the resource library (decision 0032): what a member may enter, and how the link checker
fetches one without reaching inside the platform's own network.

Entering a link (`clean_link`): http or https only (no javascript:, data:, file:...), a host name, no
user name or password in it, no host that names this machine or a private network (localhost, .local,
.internal, a private, loopback, link-local or reserved IP address). The host name is not looked up when
entered: a name may point anywhere later, so the checker decides again.

Checking a link (`check_link`): every hop (at most MAX_REDIRECTS redirects, followed by hand) is cleaned
again, its host resolved, and refused when any of its addresses is not public; the request then goes to
the resolved address itself (the host name only in the Host header and for TLS), so a second lookup
cannot swap in a private address between the check and the connection. HEAD first, then GET when HEAD
is refused or fails (some servers answer HEAD with 405 or 404); the body is never read.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.utils.translation import gettext_lazy as _

from learning.errors.resources import UnsafeLink
from learning.models.resources import URL_MAX

TIMEOUT = 5.0  # seconds, to connect and to read the status line
MAX_REDIRECTS = 3
USER_AGENT = "Guildhall-LinkChecker/1.0 (+resource library)"
PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")
# Problems that no second method can change: the address is not fetched at all.
REFUSED = ("unsafe address", "host not found", "private address refused")


def _refuse(message) -> None:
    raise UnsafeLink(fields={"url": [message]})


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A globally routable unicast address (not private, loopback, link-local, multicast or reserved)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def clean_link(url: str) -> str:
    """`url` stripped, or UnsafeLink (400, on the `url` field) saying what is wrong with it."""
    url = (url or "").strip()
    if not url:
        _refuse(_("Enter the resource's web address."))
    if len(url) > URL_MAX:
        _refuse(_("Keep the address under 500 characters."))
    if any(ord(char) < 33 or char == "\\" for char in url):
        _refuse(_("A web address has no spaces, control characters or backslashes."))
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        _refuse(_("Only http:// and https:// addresses are accepted."))
    if "@" in parts.netloc:
        _refuse(_("Leave user names and passwords out of the address."))
    try:
        host, _port = parts.hostname, parts.port
    except ValueError:
        host = None
    if not host:
        _refuse(_("The address has no valid host name."))
    try:
        host.encode("idna")
    except UnicodeError:
        _refuse(_("The address has no valid host name."))
    address = _address(host)
    if address is not None and not is_public(address):
        _refuse(_("Addresses in private or local networks are not accepted."))
    if address is None and (host == "localhost" or host.endswith(PRIVATE_SUFFIXES) or "." not in host):
        _refuse(_("Addresses in private or local networks are not accepted."))
    return url


@dataclass(frozen=True)
class LinkResult:
    ok: bool
    status: int | None = None
    error: str = ""


def _resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to (empty when it does not)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError):
        return []
    return list(dict.fromkeys(info[4][0] for info in infos))


def _request(method: str, *, scheme: str, ip: str, host: str, port: int, target: str):
    """(status, Location header) of one request sent to `ip`, or (None, error text)."""
    default_port = 443 if scheme == "https" else 80
    headers = {"Host": host if port == default_port else f"{host}:{port}", "User-Agent": USER_AGENT}
    timeout = urllib3.Timeout(connect=TIMEOUT, read=TIMEOUT)
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            ip, port, timeout=timeout, retries=False, maxsize=1, headers=headers,
            server_hostname=host, assert_hostname=host, cert_reqs="CERT_REQUIRED",
        )  # fmt: skip
    else:
        pool = urllib3.HTTPConnectionPool(
            ip, port, timeout=timeout, retries=False, maxsize=1, headers=headers
        )
    try:
        response = pool.urlopen(method, target, redirect=False, preload_content=False)
        status, location = response.status, response.headers.get("Location")
        response.release_conn()
        return status, location
    except urllib3.exceptions.HTTPError as exc:
        return None, type(exc).__name__
    finally:
        pool.close()


def _fetch(url: str, method: str) -> tuple[int | None, str | None, str]:
    """(status, Location, error) of one hop, refusing hosts that resolve to non-public addresses."""
    try:
        clean_link(url)
    except UnsafeLink:
        return None, None, "unsafe address"
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), parts.hostname
    port = parts.port or (443 if scheme == "https" else 80)
    addresses = _resolve(host, port)
    if not addresses:
        return None, None, "host not found"
    if not all(is_public(ipaddress.ip_address(address.split("%")[0])) for address in addresses):
        return None, None, "private address refused"
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    status, detail = _request(method, scheme=scheme, ip=addresses[0], host=host, port=port, target=target)
    return (status, detail, "") if status is not None else (None, None, detail or "connection failed")


def check_link(url: str) -> LinkResult:
    """Whether `url` answers with a success (2xx, after at most MAX_REDIRECTS redirects)."""
    for _hop in range(MAX_REDIRECTS + 1):
        status, location, error = _fetch(url, "HEAD")
        if error in REFUSED:
            return LinkResult(ok=False, error=error)
        if status is None or status >= 400:
            status, location, error = _fetch(url, "GET")
        if status is None:
            return LinkResult(ok=False, error=error[:200])
        if 300 <= status < 400 and location:
            url = urljoin(url, location)
            continue
        return LinkResult(ok=status < 400, status=status, error="" if status < 400 else f"HTTP {status}")
    return LinkResult(ok=False, status=status, error="too many redirects")
