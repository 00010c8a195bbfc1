"""The application layer: one typed use case per thing a user does (see README "For maintainers")."""
