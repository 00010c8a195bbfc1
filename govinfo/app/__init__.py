"""The use cases: what a user does, between the CLI and the layers below (see README "For
maintainers")."""
