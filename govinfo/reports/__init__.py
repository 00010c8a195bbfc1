"""Pure report rows built from scoring results: data only, no formatting (see ``render``)."""
