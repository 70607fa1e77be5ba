"""Run the planlens command line: `python -m planlens`."""

from planlens.cli import main

main()
