"""The command line: thin Typer commands that load, compute, render and exit."""
