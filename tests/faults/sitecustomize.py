"""Arms archive's fault points in the programs the crash tests start, and only there.

conftest.py puts this folder on PYTHONPATH for the test run; Python imports
``sitecustomize`` at start-up, and with ARCHIVE_FAULT=STEP[:N] set this arms
the point.  The installed program reads no such variable.
"""

from __future__ import annotations

import os

if os.environ.get("ARCHIVE_FAULT"):
    from archive.store._fs import arm_fault

    arm_fault(os.environ["ARCHIVE_FAULT"])
