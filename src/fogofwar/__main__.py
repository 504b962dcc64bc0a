"""``python -m fogofwar`` is the ``fogofwar`` command."""

import sys

from fogofwar.cli import main

sys.exit(main())
