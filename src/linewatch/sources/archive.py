"""Raw copies of everything fetched, as WARC files, so any document can be re-read as it was.

Each process writes its own gzip WARC file (`<data_dir>/warc/linewatch-<time>-<pid>.warc.gz`):
every record is its own gzip member, appended and flushed before the document
that cites it is stored, so a process killed mid-write leaves at worst a torn
last record that nothing points to. A document keeps
`meta["warc"] = {"file": <path relative to data_dir>, "record_id": ..., "offset": ...}`
and `read_record(data_dir, meta["warc"])` gives the bytes back.
"""
from __future__ import annotations

import io
import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from linewatch.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from linewatch.sources.fetch import FetchResult

MAX_FILE_BYTES = 1_000_000_000  # start a new WARC file past 1 GB


class WarcArchive:
    def __init__(self, data_dir: str | Path) -> None:
        self.data_dir = Path(data_dir)
        self.dir = self.data_dir / "warc"
        self._lock = threading.Lock()
        self._fh: Any = None
        self._path: Path | None = None
        self._writer: WARCWriter | None = None

    def _open(self) -> None:
        if self._fh is not None and self._fh.tell() < MAX_FILE_BYTES:
            return
        self.close()
        self.dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        self._path = self.dir / f"linewatch-{stamp}-{os.getpid()}.warc.gz"
        self._fh = open(self._path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        self._fh = None
        self._writer = None

    def write_response(self, result: FetchResult) -> dict[str, Any]:
        """Archive one HTTP response (status line, headers, body as received)."""
        reason = {200: "OK"}.get(result.status, "")
        http_headers = StatusAndHeaders(
            f"{result.status} {reason}".strip(),
            list(result.headers.items()),
            protocol=result.http_version or "HTTP/1.1",
        )
        # Bodies are stored decoded (httpx undid any Content-Encoding), so drop headers that
        # would make a WARC reader try to decode them again.
        for name in ("Content-Encoding", "Transfer-Encoding", "Content-Length"):
            http_headers.remove_header(name)
        http_headers.add_header("Content-Length", str(len(result.body)))
        return self._write(result.url, "response", result.body, http_headers=http_headers,
                           date=result.fetched_at)

    def write_resource(self, uri: str, body: bytes, content_type: str = "application/json") -> dict[str, Any]:
        """Archive something read from a file rather than fetched (a Telegram post, a GDELT row)."""
        return self._write(uri, "resource", body, content_type=content_type)

    def _write(self, uri: str, record_type: str, body: bytes, *, http_headers: Any = None,
               content_type: str = "", date: datetime | None = None) -> dict[str, Any]:
        with self._lock:
            self._open()
            assert self._writer is not None and self._path is not None
            warc_headers = {"WARC-Date": (date or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")}
            record = self._writer.create_warc_record(
                uri, record_type, payload=io.BytesIO(body), length=len(body),
                warc_content_type=content_type, warc_headers_dict=warc_headers, http_headers=http_headers,
            )
            offset = self._fh.tell()
            self._writer.write_record(record)
            self._fh.flush()
            return {
                "file": str(self._path.relative_to(self.data_dir)),
                "record_id": record.rec_headers.get_header("WARC-Record-ID"),
                "offset": offset,
            }


def read_record(data_dir: str | Path, ref: dict[str, Any]) -> bytes:
    """The archived body for a `meta["warc"]` reference."""
    path = (Path(data_dir) / str(ref.get("file", ""))).resolve()
    if not path.is_relative_to(Path(data_dir).resolve()) or not path.is_file():
        raise InputError("WARC file not found", where=str(path))
    with open(path, "rb") as fh:
        fh.seek(int(ref.get("offset", 0)))
        for record in ArchiveIterator(fh):
            if record.rec_headers.get_header("WARC-Record-ID") == ref.get("record_id"):
                return record.content_stream().read()
            break
    # Offset missing or wrong: scan the whole file.
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_headers.get_header("WARC-Record-ID") == ref.get("record_id"):
                return record.content_stream().read()
    raise InputError(f"record {ref.get('record_id')} not in the WARC file", where=str(path))
