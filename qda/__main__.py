"""Allow ``python -m qda``."""

from qda.cli import main

raise SystemExit(main())
