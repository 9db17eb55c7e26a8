"""The aggregate cache of the query layer (store/queries/cache.py) keeps each store's entries apart."""
from __future__ import annotations

import gc

from linewatch.store import open_store
from linewatch.store.queries.cache import cached


def test_a_new_store_never_reads_a_freed_stores_cache(tmp_path) -> None:
    """Python gives a freed object's id() to the next one of its size: a store opened right after
    another was closed must still get its own figures, not the closed one's (a flaky PostgreSQL
    search test read another database's statement estimate this way)."""
    for i in range(12):
        store = open_store(f"sqlite:///{tmp_path / f'db{i}.sqlite'}")
        store.execute("CREATE TABLE IF NOT EXISTS numbers (n INTEGER)")
        store.executemany("INSERT INTO numbers (n) VALUES (?)", [(k,) for k in range(i)])
        assert cached(store, ("numbers",), lambda st=store: st.scalar("SELECT COUNT(*) FROM numbers")) == i
        store.close()
        del store
        gc.collect()
