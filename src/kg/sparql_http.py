"""HTTP to SPARQL stores on our terms: http(s) only, no credentials shown, no surprises.

Every request has a timeout; credentials come from the URL (http://user:pw@host/…) or
$KG_SPARQL_USER / $KG_SPARQL_PASSWORD and answer the server's Basic or Digest challenge
(never sent before the server asks, so a Digest server never sees a Basic password);
a redirect to another host is refused, and a write (POST/PUT) is never turned into a GET.
Server bodies in messages are sanitised: no terminal escapes or control characters, cut short.

>>> redact("http://clerk:s3cret@store.example/sparql refused")
'http://clerk:***@store.example/sparql refused'
>>> sanitise(b"\\x1b[31mError\\x1b[0m: bad\\x07 query")
'Error: bad query'
"""

from __future__ import annotations

import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from kg.errors import StoreError, UsageError, bilingual

RE_USERINFO = re.compile(r"(?<=://)([^/@:\s]*):[^/@\s]*@")
RE_ESCAPE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
RE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BODY_LIMIT = 300


def redact(text: str) -> str:
    """Any URL-embedded password in text replaced by ***."""
    return RE_USERINFO.sub(r"\1:***@", text)


def sanitise(body: bytes | str, limit: int = BODY_LIMIT) -> str:
    """A server's answer as one short, safe line for a message."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = RE_CONTROL.sub("", RE_ESCAPE.sub("", text))
    text = redact(" ".join(text.split()))
    return text if len(text) <= limit else text[:limit] + " …"


@dataclass(frozen=True)
class Target:
    """A store URL without its userinfo, and the credentials to answer a challenge with."""

    url: str
    user: str | None = None
    password: str | None = None


def _origin(url: str) -> tuple[str, str, int]:
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def target(url: str | None, what: str = "端点 / endpoint") -> Target:
    """Check an http(s) URL and take its credentials out of it.

    >>> target("https://clerk:pw@store.example/sparql")
    Target(url='https://store.example/sparql', user='clerk', password='pw')
    """
    zh, en = what.split(" / ")
    shown = redact(str(url))
    try:
        parts = urllib.parse.urlsplit(url or "")
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        parts, port_ok = None, False
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname \
            or not port_ok or any(c.isspace() for c in url or ""):
        raise UsageError(bilingual(
            f"{zh}地址无效：{shown!r}（应为 http:// 或 https:// 开头的网址）",
            f"invalid {en} URL: {shown!r} (must be an http:// or https:// URL)"))
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    if ":" in parts.hostname:
        host = f"[{parts.hostname}]" + (f":{parts.port}" if parts.port else "")
    clean = urllib.parse.urlunsplit((parts.scheme.lower(), host, parts.path, parts.query, ""))
    if parts.username is not None:
        return Target(clean, urllib.parse.unquote(parts.username),
                      urllib.parse.unquote(parts.password or ""))
    user = os.environ.get("KG_SPARQL_USER")
    return Target(clean, user or None, os.environ.get("KG_SPARQL_PASSWORD", "") if user else None)


class Refused(StoreError):
    """The server answered a request with an HTTP error status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class Unreachable(StoreError):
    """No HTTP answer at all: refused connection, reset, timeout, unknown host."""

    def __init__(self, message: str, reset: bool = False):
        super().__init__(message)
        self.reset = reset


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Same-host redirects only; a write keeps its method and body (307/308) or fails."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = urllib.parse.urljoin(req.full_url, newurl)
        if _origin(new) != _origin(req.full_url):
            raise StoreError(bilingual(
                f"{redact(req.full_url)} 重定向到另一主机 {redact(new)}，已拒绝（凭据不会发往别处）",
                f"{redact(req.full_url)} redirected to another host, {redact(new)}: refused "
                f"(credentials are never sent elsewhere)"))
        method = req.get_method()
        if method in ("GET", "HEAD"):
            return super().redirect_request(req, fp, code, msg, headers, new)
        if code in (307, 308):
            return urllib.request.Request(new, data=req.data, method=method,
                                          headers=dict(req.header_items()))
        raise StoreError(bilingual(
            f"{redact(req.full_url)} 以 HTTP {code} 重定向到 {redact(new)}：跟随会把 {method} 变成 GET，"
            f"数据不会写入；请直接使用最终地址",
            f"{redact(req.full_url)} redirected with HTTP {code} to {redact(new)}: following it would "
            f"turn the {method} into a GET and write nothing; use the final URL"))


class Client:
    """One store's HTTP: auth on challenge, timeouts, safe redirects, errors as StoreError."""

    def __init__(self, tgt: Target, timeout_s: float = 60):
        self.target = tgt
        self.timeout_s = timeout_s
        handlers: list[urllib.request.BaseHandler] = [_Redirects()]
        if tgt.user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            root = urllib.parse.urlunsplit(urllib.parse.urlsplit(tgt.url)[:2] + ("/", "", ""))
            passwords.add_password(None, root, tgt.user, tgt.password or "")
            handlers += [urllib.request.HTTPDigestAuthHandler(passwords),
                         urllib.request.HTTPBasicAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    def open(self, request: urllib.request.Request):
        """The response to a request (the caller reads and closes it)."""
        url = redact(request.full_url)
        try:
            return self._opener.open(request, timeout=self.timeout_s)
        except urllib.error.HTTPError as exc:
            detail = sanitise(exc.read(65536) or exc.reason or "")
            raise Refused(bilingual(f"{url} 拒绝了请求（HTTP {exc.code}）：{detail}",
                                    f"{url} refused the request (HTTP {exc.code}): {detail}"),
                          exc.code) from None
        except ValueError as exc:  # urllib: an authentication scheme it does not speak
            raise StoreError(bilingual(f"{url} 要求不支持的认证方式：{sanitise(str(exc))}",
                                       f"{url} asks for an unsupported authentication: "
                                       f"{sanitise(str(exc))}")) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, (socket.timeout, TimeoutError)):
                text = f"no answer within {self.timeout_s:g} s"
            else:
                text = sanitise(str(reason))
            reset = isinstance(reason, (ConnectionResetError, BrokenPipeError))
            raise Unreachable(bilingual(f"无法连接 {url}：{text}", f"cannot reach {url}: {text}"),
                              reset=reset) from None

    def send(self, method: str, url: str, body: bytes, content_type: str) -> bytes:
        """Send a body; the answer's body (read within the timeout)."""
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={"Content-Type": content_type})
        with self.open(request) as response:
            return response.read()
