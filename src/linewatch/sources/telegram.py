"""Telegram channels: Telegram Desktop's JSON export (`result.json`), and an optional live reader.

The export's `text` is either a string or a list mixing strings and entity
objects ({"type": "bold" | "link" | "text_link" | "mention" | ..., "text": ...,
"href": ...}). The document text is the concatenation, and every entity's
offsets are kept in `meta["telegram"]["entities"]` as offsets into that same
text. A forward keeps its origin as an amplification link
(`meta["forwarded_from"]`), with edits, views and replies in `meta["telegram"]`.

The live reader (Telethon, `pip install linewatch[telegram]`) needs
TELEGRAM_API_ID and TELEGRAM_API_HASH and a logged-in session file; it is not
exercised by the tests (no network there).
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from linewatch.errors import InputError
from linewatch.sources.definitions import SourceDef
from linewatch.sources.files import export_chats, read_bytes
from linewatch.sources.items import CollectContext, Item, make_document

MAX_MESSAGES = 2_000_000
CHANNEL_TYPES = ("public_channel", "private_channel")  # read from a full-account export by default


def flatten_text(text: Any) -> tuple[str, list[dict[str, Any]]]:
    """(plain text, entities with start/end offsets into it) from an export `text` field."""
    if isinstance(text, str):
        return text, []
    if not isinstance(text, list):
        return "", []
    parts: list[str] = []
    entities: list[dict[str, Any]] = []
    pos = 0
    for piece in text:
        if isinstance(piece, str):
            chunk = piece
        elif isinstance(piece, dict):
            chunk = str(piece.get("text") or "")
            kind = str(piece.get("type") or "plain")
            if kind != "plain" and chunk:
                ent: dict[str, Any] = {"type": kind, "start": pos, "end": pos + len(chunk)}
                if piece.get("href"):
                    ent["href"] = str(piece["href"])[:2000]
                if piece.get("user_id"):
                    ent["user_id"] = piece["user_id"]
                entities.append(ent)
        else:
            continue
        parts.append(chunk)
        pos += len(chunk)
    return "".join(parts), entities


def _when(message: dict[str, Any], name: str) -> datetime | None:
    """A message time in UTC: the `*_unixtime` field when present (the plain one is the exporter's local time)."""
    unix = message.get(f"{name}_unixtime")
    if unix not in (None, ""):
        try:
            return datetime.fromtimestamp(int(unix), tz=UTC)
        except (TypeError, ValueError, OverflowError, OSError):
            pass
    raw = message.get(name)
    if isinstance(raw, str) and raw:
        try:
            when = datetime.fromisoformat(raw)
        except ValueError:
            return None
        return when if when.tzinfo else when.replace(tzinfo=UTC)
    return None


def message_item(message: dict[str, Any], channel: dict[str, Any], source: SourceDef | None,
                 ctx: CollectContext | None = None) -> Item | None:
    """One export message as an Item (None for service messages and posts without text)."""
    if message.get("type", "message") != "message":
        return None
    text, entities = flatten_text(message.get("text"))
    if not text.strip():
        return None
    msg_id = message.get("id")
    when = _when(message, "date")
    edited = _when(message, "edited")
    info: dict[str, Any] = {
        "channel": channel.get("name"),
        "channel_id": channel.get("id"),
        "channel_type": channel.get("type"),
        "message_id": msg_id,
        "date": when.isoformat() if when else None,
        "from": message.get("from"),
        "from_id": message.get("from_id"),
        "entities": entities,
    }
    for name in ("views", "forwards", "reply_to_message_id", "media_type", "author"):
        if message.get(name) not in (None, ""):
            info[name] = message[name]
    if edited:
        info["edited"] = edited.isoformat()
    meta: dict[str, Any] = {"format": "telegram", "telegram": info}
    if message.get("forwarded_from"):
        meta["forwarded_from"] = str(message["forwarded_from"])[:500]
    links = [e["href"] for e in entities if e.get("href")] + [
        text[e["start"]:e["end"]] for e in entities if e["type"] == "link"
    ]
    if links:
        meta["links"] = links[:100]
    if ctx is not None and ctx.archive is not None:
        raw = json.dumps(message, ensure_ascii=False).encode("utf-8")
        meta["warc"] = ctx.archive.write_resource(f"telegram:{channel.get('id')}/{msg_id}", raw)
    username = (channel.get("username") or "").lstrip("@")
    url = f"https://t.me/{username}/{msg_id}" if username and msg_id is not None else None
    doc = make_document(
        text,
        source=source,
        url=url,
        published=when.date() if when else None,
        meta=meta,
        outlet=None if source and source.outlet else channel.get("name"),
        outlet_type=None if source and source.outlet_type else "social",
    )
    return Item(key=f"msg:{msg_id}", document=doc)


def read_export(path: str | Path, max_bytes: int | None = None) -> dict[str, Any]:
    """The parsed export: a channel object with a `messages` list, or a full-account export
    (`chats.list`); InputError naming the file otherwise."""
    p = Path(path)
    if p.is_dir():
        p = p / "result.json"
    data = read_bytes(p, max_bytes)
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a Telegram JSON export ({exc})", where=str(p)) from None
    chats = export_chats(doc)
    if chats is None:
        raise InputError("not a Telegram export (no 'messages' list, no 'chats' list)", where=str(p))
    if sum(len(c["messages"]) for c in chats) > MAX_MESSAGES:
        raise InputError(f"more than {MAX_MESSAGES} messages", where=str(p))
    return doc


def chosen_chats(doc: dict[str, Any], wanted: list[str]) -> list[dict[str, Any]]:
    """The chats to read: those named (by name or id) in `wanted`, else every channel.

    A full-account export also holds personal chats, groups and bots; without a choice
    only channels are read, since a person's private messages are not a news source.
    """
    chats = export_chats(doc) or []
    if "messages" in doc:  # a single-channel export
        return chats
    if wanted:
        keys = {w.strip().lower() for w in wanted}
        return [c for c in chats if str(c.get("name") or "").lower() in keys or str(c.get("id")) in keys]
    return [c for c in chats if c.get("type") in CHANNEL_TYPES]


def collect_export(source: SourceDef, ctx: CollectContext) -> Iterator[Item]:
    export = read_export(source.location, source.max_bytes)
    single = "messages" in export
    taken = 0
    for chat in chosen_chats(export, source.filters.get("chats", [])):
        for message in chat["messages"]:
            if taken >= source.max_items:
                return
            if not isinstance(message, dict):
                continue
            # messages of different chats share ids: a full export keys them by chat
            key = f"msg:{message.get('id')}" if single else f"msg:{chat.get('id')}:{message.get('id')}"
            if ctx.seen(key):
                continue
            item = message_item(message, chat, source, ctx)
            if item is not None:
                item.key = key
                taken += 1
                yield item


# --------------------------------------------------------------------------- live (optional)


def _live_message_dict(msg: Any) -> dict[str, Any]:
    """A Telethon message in the export's shape, so both paths share `message_item`."""
    fwd = getattr(msg, "fwd_from", None)
    return {
        "id": msg.id,
        "type": "message",
        "date_unixtime": str(int(msg.date.timestamp())) if msg.date else None,
        "edited_unixtime": str(int(msg.edit_date.timestamp())) if getattr(msg, "edit_date", None) else None,
        "text": msg.message or "",
        "views": getattr(msg, "views", None),
        "forwards": getattr(msg, "forwards", None),
        "forwarded_from": getattr(fwd, "from_name", None) or (str(fwd.from_id) if fwd and fwd.from_id else None),
        "reply_to_message_id": getattr(getattr(msg, "reply_to", None), "reply_to_msg_id", None),
    }


def collect_live(source: SourceDef, ctx: CollectContext, data_dir: str | Path = ".") -> Iterator[Item]:
    try:
        from telethon.sync import TelegramClient  # type: ignore[import-not-found]  # lazy: optional telegram extra
    except ImportError:
        raise InputError("the live Telegram reader needs Telethon: pip install 'linewatch[telegram]'",
                         where=source.id) from None
    api_id, api_hash = os.environ.get("TELEGRAM_API_ID"), os.environ.get("TELEGRAM_API_HASH")
    if not api_id or not api_hash:
        raise InputError("set TELEGRAM_API_ID and TELEGRAM_API_HASH for the live Telegram reader", where=source.id)
    session = str(Path(data_dir) / "telegram.session")
    with TelegramClient(session, int(api_id), api_hash) as client:
        entity = client.get_entity(source.location)
        channel = {"name": getattr(entity, "title", source.location), "id": entity.id, "type": "channel",
                   "username": getattr(entity, "username", None)}
        taken = 0
        for msg in client.iter_messages(entity, limit=source.max_items * 2):
            if taken >= source.max_items:
                break
            if ctx.seen(f"msg:{msg.id}"):
                continue
            item = message_item(_live_message_dict(msg), channel, source, ctx)
            if item is not None:
                taken += 1
                yield item
