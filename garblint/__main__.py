import sys

from garblint.linter.cli import main

sys.exit(main())
