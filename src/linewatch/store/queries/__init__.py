"""The query layer: every read and write of linewatch's tables outside `store/` itself goes here.

Modules (each takes a `Store` first; callers above never write SQL):

- `filters`: `ItemFilter`, what the analyst narrowed a view to, and the WHERE clauses it makes.
- `corrections`: analyst corrections, stored by stable item id, and the one overlay that applies them.
- `records`: paged, filtered, corrected statements, events and documents; facets.
- `charts`: aggregates behind the dashboard and the briefing (timelines, stance matrix, network, trends).
- `cache`: aggregates cached per store and data version.
"""
