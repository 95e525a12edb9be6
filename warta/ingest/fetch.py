"""A polite HTTP client for fetching news pages, feeds and sitemaps.

It sends a clear User-Agent, obeys robots.txt, waits between requests to one
host, times out, caps the size of a response, follows a few redirects (and
stops on a loop), and retries server errors and broken connections with
exponential backoff.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

import urllib3

from warta.ingest.errors import IngestError

USER_AGENT = (
    "WartaArchiveBot/0.1 (+https://github.com/warta-arsip; arsip berita industri)"
)
_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(IngestError):
    """A URL that could not be fetched; the reason says why."""


@dataclass(frozen=True)
class FetchOptions:
    user_agent: str = USER_AGENT
    timeout: float = 15.0
    max_bytes: int = 5 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    delay: float = 1.0  # seconds between two requests to one host
    max_redirects: int = 5
    obey_robots: bool = True


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def charset(self) -> str | None:
        message = Message()
        message["content-type"] = self.headers.get("content-type", "")
        return message.get_param("charset")  # type: ignore[return-value]

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass
class Fetcher:
    options: FetchOptions = field(default_factory=FetchOptions)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        timeout = urllib3.Timeout(
            connect=self.options.timeout, read=self.options.timeout
        )
        self._pool = urllib3.PoolManager(retries=False, timeout=timeout)
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def get(self, url: str) -> Response:
        """Fetch ``url``, following redirects; raise ``FetchError`` with the reason."""
        seen: list[str] = []
        current = url
        while True:
            if current in seen:
                raise FetchError(url, f"redirect loop at {current}")
            if len(seen) > self.options.max_redirects:
                raise FetchError(
                    url, f"more than {self.options.max_redirects} redirects"
                )
            seen.append(current)
            _check_address(url, current)
            self._check_robots(url, current)
            response = self._with_retries(url, current)
            if response.status in _REDIRECTS and response.headers.get("location"):
                current = urljoin(current, response.headers["location"])
                continue
            if response.status >= 400:
                raise FetchError(url, f"HTTP {response.status}")
            return response

    def _check_robots(self, original: str, url: str) -> None:
        if not self.options.obey_robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(origin)
        if parser is None:
            parser = urllib.robotparser.RobotFileParser()
            try:
                robots = self._with_retries(original, origin + "/robots.txt")
            except FetchError:
                robots = None
            if robots is None or robots.status >= 500:
                parser.disallow_all = True  # unreachable robots.txt: stay out
            elif robots.status >= 400:
                parser.allow_all = True
            else:
                parser.parse(robots.body.decode("utf-8", "replace").splitlines())
            self._robots[origin] = parser
        if not parser.can_fetch(self.options.user_agent, url):
            raise FetchError(original, f"forbidden by robots.txt: {url}")

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            remaining = self.options.delay - (self.clock() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last_request[host] = self.clock()

    def _with_retries(self, original: str, url: str) -> Response:
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self._request(original, url)
            except (urllib3.exceptions.HTTPError, OSError) as error:
                if last:
                    raise FetchError(original, _describe(error)) from None
            else:
                if response.status < 500 or last:
                    return response
            self.sleep(self.options.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _request(self, original: str, url: str) -> Response:
        # (``get`` checked the address: robots.txt's is made from it)
        self._wait_for_host(url)
        raw = self._pool.request(
            "GET",
            url,
            headers={
                "User-Agent": self.options.user_agent,
                "Accept-Language": "id,en;q=0.5",
            },
            redirect=False,
            preload_content=False,
            decode_content=True,
        )
        try:
            declared = raw.headers.get("content-length")
            if (
                declared
                and declared.isdigit()
                and int(declared) > self.options.max_bytes
            ):
                raise FetchError(
                    original, f"response larger than {self.options.max_bytes} bytes"
                )
            chunks, size = [], 0
            for chunk in raw.stream(64 * 1024):
                size += len(chunk)
                if size > self.options.max_bytes:
                    raise FetchError(
                        original, f"response larger than {self.options.max_bytes} bytes"
                    )
                chunks.append(chunk)
        finally:
            raw.release_conn()
        headers = {key.lower(): value for key, value in raw.headers.items()}
        return Response(
            url=url, status=raw.status, headers=headers, body=b"".join(chunks)
        )


def _describe(error: Exception) -> str:
    if isinstance(error, urllib3.exceptions.ReadTimeoutError | TimeoutError):
        return "timed out"
    if isinstance(error, urllib3.exceptions.ConnectTimeoutError):
        return "timed out while connecting"
    reason = getattr(error, "reason", None) or error
    return f"connection failed: {reason}"


def _check_address(original: str, url: str) -> None:
    """``url`` is a web address (checked before robots.txt is asked about it)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(original, f"not an http(s) URL: {url}")
