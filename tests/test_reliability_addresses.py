"""Private addresses in disguise and per-host allowances (issue 14, items 12 and 13)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sources"))
from localserver import HTML, LocalServer, Route

from linewatch.sources.definitions import load_sources
from linewatch.sources.fetch import Fetcher, FetchError, FetchLimits, address_problem, allowance, refused_reason


@pytest.mark.parametrize("ip", [
    "2002:7f00:1::",  # 6to4 form of 127.0.0.1
    "2002:a00:1::",  # 6to4 form of 10.0.0.1
    "2002:a9fe:a9fe::",  # 6to4 form of 169.254.169.254
    "64:ff9b::7f00:1",  # NAT64 form of 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 form of 10.0.0.1
    "64:ff9b::c0a8:101",  # NAT64 form of 192.168.1.1
    "64:ff9b:1::a9fe:a9fe",  # local-use NAT64 form of 169.254.169.254
    "::ffff:127.0.0.1", "::127.0.0.1",
])
def test_ipv6_forms_of_private_addresses_refused(ip: str) -> None:
    assert address_problem(ip), ip


def test_public_addresses_in_the_same_forms_allowed() -> None:
    assert address_problem("2002:808:808::") is None  # 6to4 of 8.8.8.8
    assert address_problem("64:ff9b::808:808") is None  # NAT64 of 8.8.8.8


def test_metadata_address_never_allowed() -> None:
    for allowed in (True, ["169.254.0.0/16"], ["0.0.0.0/0"]):
        for ip in ("169.254.169.254", "2002:a9fe:a9fe::", "::ffff:169.254.169.254"):
            assert refused_reason(ip, allowance(allowed)), (ip, allowed)


def test_allow_private_true_means_the_sources_own_host(tmp_path: Path) -> None:
    """A source on a private host may not send us, by item link or redirect, to another private address."""
    server = LocalServer()
    try:
        server.routes["/robots.txt"] = Route(404, b"")
        server.routes["/page"] = Route(200, b"<p>ok</p>", HTML)
        server.routes["/to-metadata"] = Route(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"})
        server.routes["/to-ten"] = Route(302, b"", {"Location": "http://10.0.0.1/"})
        path = tmp_path / "sources.yaml"
        path.write_text("sources:\n"
                        f"  - id: local\n    kind: page\n    location: {server.url('/page')}\n    allow_private: true\n"
                        f"  - id: listed\n    kind: page\n    location: {server.url('/page')}\n"
                        "    allow_private: [127.0.0.1, intranet.example.org]\n")
        local, listed = load_sources(path)
        assert local.allow_private == ("127.0.0.1",) and listed.allow_private == ("127.0.0.1", "intranet.example.org")
        fetcher = Fetcher(limits=FetchLimits(min_interval=0, retries=0), sleep=lambda s: None)
        assert fetcher.get(server.url("/page"), allow_private=local.allow_private).body == b"<p>ok</p>"
        for target in ("/to-metadata", "/to-ten"):
            with pytest.raises(FetchError) as err:
                fetcher.get(server.url(target), allow_private=local.allow_private)
            assert err.value.kind == "address", target
        with pytest.raises(FetchError) as err:  # even the all-open CLI flag keeps metadata out
            fetcher.get(server.url("/to-metadata"), allow_private=True)
        assert err.value.kind == "address" and "metadata" in str(err.value)
    finally:
        server.close()
