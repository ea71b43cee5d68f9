"""`python -m reassurance.evidence` (`make validate`): every rule the build runs."""

import sys

from reassurance.evidence.load import main

sys.exit(main(sys.argv[1:]))
