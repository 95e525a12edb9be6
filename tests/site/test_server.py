"""The project's HTTP server (``make serve``, the tests, the bench)."""

from __future__ import annotations

import socket
import struct
import threading
import time
from urllib.parse import urlsplit
from urllib.request import urlopen

import sitebuild


def test_a_client_that_goes_away_mid_file_is_no_error(tmp_path, capfd):
    (tmp_path / "besar.bin").write_bytes(bytes(16 << 20))  # more than sockets buffer
    before = threading.active_count()
    with sitebuild.serving(tmp_path) as base:
        address = urlsplit(base)
        with socket.create_connection((address.hostname, address.port)) as client:
            client.sendall(b"GET /besar.bin HTTP/1.0\r\n\r\n")
            assert client.recv(1024).startswith(b"HTTP/1.0 200")
            # Gone at once, unread bytes and all (a reset, as a browser leaves).
            client.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
        # The server goes on answering.
        with urlopen(f"{base}/besar.bin") as response:
            assert len(response.read()) == 16 << 20
        deadline = time.monotonic() + 10
        while threading.active_count() > before + 1 and time.monotonic() < deadline:
            time.sleep(0.05)  # the handler of the reset request finishes
    assert "Traceback" not in capfd.readouterr().err
