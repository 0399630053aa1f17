"""`python -m hypelint` runs the command line."""

from hypelint.cli import main

raise SystemExit(main())
