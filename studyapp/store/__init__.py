"""The score store: the only place with SQL; the rest of the program gets plain objects."""
