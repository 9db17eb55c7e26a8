"""User-facing errors: one clear line naming the file (or thing) and what is wrong."""
from __future__ import annotations


def printable(value: str) -> str:
    """A string safe to store and print: bytes of a file name that are not valid UTF-8
    (kept by Python as lone surrogates) become U+FFFD."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class LinewatchError(Exception):
    """An error the user can act on. Printed as one line, never as a traceback."""

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None) -> None:
        where = printable(where) if where else where
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}" if where else message)


class InputError(LinewatchError):
    """Bad input (a file, a URL, a YAML definition); the message names it and the problem."""

    exit_code = 2


class FetchError(InputError):
    """A fetch that failed; `kind` says why so the watcher can decide when to retry.

    kind: scheme / address / robots / timeout / connect / http / too_big / redirects / content / rate_limit
    """

    def __init__(
        self,
        url: str,
        kind: str,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.url = url
        self.kind = kind
        self.status = status
        self.retry_after = retry_after
        super().__init__(message, where=url)


class ConfigError(LinewatchError):
    exit_code = 2


class StoreError(LinewatchError):
    exit_code = 3
