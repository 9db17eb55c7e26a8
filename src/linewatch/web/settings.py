"""Web settings: API tokens and whether reading needs one.

Read from the `[web]` table of the workspace `linewatch.toml` (through
`linewatch.config`) and from the environment (LINEWATCH_API_TOKEN adds a token; several may be comma-separated).

    [web]
    api_tokens = ["a-long-random-string"]
    read_requires_token = false
"""
from __future__ import annotations

import hmac
import os
from dataclasses import dataclass, field
from typing import Any

from linewatch.config import load_config
from linewatch.errors import ConfigError

MIN_TOKEN_LEN = 12


@dataclass
class WebSettings:
    api_tokens: list[str] = field(default_factory=list)
    read_requires_token: bool = False
    max_post_bytes: int = 2_000_000

    def token_ok(self, supplied: str | None) -> bool:
        """Constant-time comparison against every configured token."""
        if not supplied or not self.api_tokens:
            return False
        ok = False
        given = supplied.encode("utf-8", "replace")
        for tok in self.api_tokens:
            # compare all, no early exit: timing reveals neither which token nor how much matched
            ok = hmac.compare_digest(given, tok.encode("utf-8")) or ok
        return ok

    @property
    def writes_enabled(self) -> bool:
        return bool(self.api_tokens)


def load_settings(config: Any = None) -> WebSettings:
    """Settings from the workspace configuration (`linewatch.config.Config`) + environment."""
    if config is None:
        config = load_config()
    where = str(config.path or "linewatch.toml")
    web = (config.raw or {}).get("web", {}) if isinstance(config.raw, dict) else {}
    env = os.environ.get("LINEWATCH_API_TOKEN", "")
    tokens = [t.strip() for t in list(config.api_tokens) + env.split(",") if t.strip()]
    if any(len(t) < MIN_TOKEN_LEN for t in tokens):
        raise ConfigError(f"API tokens must have at least {MIN_TOKEN_LEN} characters", where="[web] api_tokens / LINEWATCH_API_TOKEN")
    read_req = web.get("read_requires_token", False) if isinstance(web, dict) else False
    if not isinstance(read_req, bool):
        raise ConfigError("[web] read_requires_token must be true or false", where=where)
    return WebSettings(api_tokens=tokens, read_requires_token=read_req)
