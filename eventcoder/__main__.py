"""`python -m eventcoder` is the command line."""

from .cli import main

main()
