"""The Store protocol: what the query layer needs of a database, typed.

`linewatch.store.store.Store` (SQLite or PostgreSQL) implements it; layers above the store
annotate with this protocol and call `store/queries/`, never SQL of their own.
"""
from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Store(Protocol):
    @property
    def dialect(self) -> str: ...  # "sqlite" or "postgresql"

    @property
    def url(self) -> str: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None: ...

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int: ...

    def executemany(self, sql: str, seq: Sequence[Sequence[Any]]) -> None: ...

    def transaction(self) -> AbstractContextManager[Any]: ...

    def close(self) -> None: ...

