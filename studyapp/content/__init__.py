"""Content: packs, lessons and (later) question banks; loading, validation, search.

No UI and no SQL here: this package gives and takes plain objects.
"""
