"""studyapp: study a Party document and test what was learned, offline, in a terminal."""

__version__ = "0.1.0"
