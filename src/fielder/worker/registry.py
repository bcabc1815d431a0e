"""Imports every domain's tasks module so that their jobs are registered in any process.

Each domain adds one line below: `import fielder.<domain>.tasks  # noqa: F401`. The queue imports
this module when a consumer starts or a job runs (never at import time, to avoid cycles).
"""

from __future__ import annotations

import fielder.responses.tasks
import fielder.surveys.tasks
import fielder.webhooks.tasks  # noqa: F401
