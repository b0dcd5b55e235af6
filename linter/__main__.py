from garblint.linter.cli import main
import sys
sys.exit(main())
