"""Who may read and write: API tokens from the configuration, compared in constant time."""
from __future__ import annotations

from fastapi import HTTPException, Request

from linewatch.web.sessions import signed_in


def request_token(request: Request) -> str | None:
    """A token from `Authorization: Bearer` or `X-API-Token` (a cookie never holds it)."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-token")


def require_write(request: Request) -> None:
    """Dependency for writing endpoints: refuse unless a configured token is supplied."""
    settings = request.app.state.settings
    if not settings.writes_enabled:
        raise HTTPException(403, "writing is disabled: no API token is configured ([web] api_tokens or LINEWATCH_API_TOKEN)")
    if not settings.token_ok(request_token(request)):
        raise HTTPException(401, "a valid API token is required (Authorization: Bearer <token>)")


def require_read(request: Request) -> None:
    """Dependency for reading endpoints: open unless [web] read_requires_token is set."""
    settings = request.app.state.settings
    if settings.read_requires_token and not (settings.token_ok(request_token(request)) or signed_in(request)):
        raise HTTPException(401, "a valid API token is required to read (Authorization: Bearer <token>)")


def page_reader_ok(request: Request) -> bool:
    settings = request.app.state.settings
    return not settings.read_requires_token or signed_in(request)
