"""`python -m newslint` runs the command line."""
from .cli import run

run()
