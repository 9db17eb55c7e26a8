"""Exports of filtered records as CSV, JSON Lines and Parquet.

Rows are read in pages of EXPORT_PAGE so memory stays bounded; an export
stops at MAX_EXPORT_ROWS (narrow the filters for more). CSV cells that
begin with = + - @ are prefixed with a quote so spreadsheets do not run them.
"""
from __future__ import annotations

import csv
import importlib.util
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

from linewatch.errors import InputError
from linewatch.store.protocol import Store
from linewatch.store.queries import records
from linewatch.store.queries.exports import DOCUMENT_FIELDS, EVENT_FIELDS, STATEMENT_FIELDS
from linewatch.store.queries.filters import ItemFilter

EXPORT_PAGE = 2000
MAX_EXPORT_ROWS = 100_000
FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}



def parquet_available() -> bool:
    """Whether the optional pyarrow extra is installed (the dashboard hides the Parquet link without it)."""
    return importlib.util.find_spec("pyarrow") is not None


def load_parquet() -> None:
    """Import pyarrow when it is installed (~0.5 s, once per process): called when the server
    starts, so the analyst's first Parquet export does not wait for it."""
    if parquet_available():
        importlib.import_module("pyarrow.parquet")


PARQUET_MISSING = "Parquet export needs pyarrow: pip install 'linewatch[parquet]'"


def _pages(fetch: Callable[[int, int], tuple[list[dict[str, Any]], bool]], max_rows: int) -> Iterator[dict[str, Any]]:
    offset = 0
    while offset < max_rows:
        rows, more = fetch(min(EXPORT_PAGE, max_rows - offset), offset)
        for r in rows:
            r["corrected_fields"] = ",".join(sorted(r.get("corrected", {})))
            yield r
        if not more:
            return
        offset += EXPORT_PAGE


def export_rows(store: Store, kind: str, f: ItemFilter, max_rows: int = MAX_EXPORT_ROWS) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """(column names, row iterator) for statements / events / documents, oldest first."""
    if kind == "statements":
        return STATEMENT_FIELDS, _pages(lambda n, o: records.list_statements(store, f, n, o, oldest_first=True), max_rows)
    if kind == "events":
        return EVENT_FIELDS, _pages(lambda n, o: records.list_events(store, f, n, o, oldest_first=True), max_rows)
    if kind == "documents":
        return DOCUMENT_FIELDS, _pages(lambda n, o: records.list_documents(store, f, n, o), max_rows)
    raise InputError("export kind must be statements, events or documents", where=kind[:30])


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_export(fmt: str, columns: list[str], rows: Iterator[dict[str, Any]], out: io.IOBase | Any) -> int:
    """Write rows to a binary stream in the given format; returns the row count."""
    if fmt not in FORMATS:
        raise InputError("format must be csv, jsonl or parquet", where=fmt[:20])
    n = 0
    if fmt == "csv":
        # utf-8-sig writes a byte-order mark: without it Excel reads the file as ANSI and mangles Cyrillic
        text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
        w = csv.writer(text)
        w.writerow(columns)
        for r in rows:
            w.writerow([_csv_safe(_cell(r.get(c))) for c in columns])
            n += 1
        text.flush()
        text.detach()
        return n
    if fmt == "jsonl":
        for r in rows:
            out.write((json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False, default=str) + "\n").encode("utf-8"))
            n += 1
        return n
    if not parquet_available():
        raise InputError(PARQUET_MISSING, where="parquet")
    import pyarrow as pa  # lazy: pyarrow is the optional parquet extra, checked above
    import pyarrow.parquet as pq  # lazy: pyarrow is the optional parquet extra
    data: dict[str, list[Any]] = {c: [] for c in columns}
    for r in rows:
        for c in columns:
            v = _cell(r.get(c))
            data[c].append(v if v is None or isinstance(v, (int, float, bool)) else str(v))
        n += 1
    arrays = {}
    for c, vals in data.items():
        typ = _arrow_type(vals)
        if typ == pa.string():
            vals = [None if v is None else str(v) for v in vals]
        arrays[c] = pa.array(vals, type=typ)
    table = pa.table(arrays)
    pq.write_table(table, out)
    return n


def _arrow_type(values: list[Any]) -> Any:
    import pyarrow as pa  # lazy: pyarrow is the optional parquet extra

    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return pa.bool_()
    if kinds and kinds <= {int}:
        return pa.int64()
    if kinds and kinds <= {int, float}:
        return pa.float64()
    return pa.string()


def export_bytes(store: Store, kind: str, fmt: str, f: ItemFilter, max_rows: int = MAX_EXPORT_ROWS) -> tuple[bytes, int]:
    buf = io.BytesIO()
    cols, rows = export_rows(store, kind, f, max_rows)
    n = write_export(fmt, cols, rows, buf)
    return buf.getvalue(), n
