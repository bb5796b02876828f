"""What ``Archive`` does to copy its store to another: ``sync``, only the versions the other lacks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import catalog
from ..config import Config
from ..errors import StoreError
from ..store import Store, SyncReport, sync_root


class Replicator:
    """Copying the store; ``Archive`` provides ``config``, ``store``, ``notices`` and ``require_store``."""

    config: Config
    store: Store
    notices: list[str]
    require_store: Callable[[], None]

    def sync(self, dest: Path, *, progress: Callable[[int], None] | None = None) -> SyncReport:
        """Copy to the store folder ``dest`` (made if missing) every version it lacks; never overwrite one.

        Raises:
            StoreError: ``dest`` is this store, inside it or around it, or a folder that is not a store.
        """
        self.require_store()
        source, target = self.store.root.resolve(), dest.resolve()
        if target == source or target.is_relative_to(source) or source.is_relative_to(target):
            raise StoreError(f"{dest}: is this archive's store, inside it or around it; name another folder",
                             path=str(dest))
        other = Store(target, user_name=self.config.user_name, user_address=self.config.user_address,
                      lock_timeout=self.config.lock_timeout)
        other.create(readme=catalog.STORE_README)
        with other.lock():
            self.notices.extend(f"{dest}: {line}" for line in other.recover())
            return sync_root(self.store, other, progress=progress)
