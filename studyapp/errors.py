"""Error types the program raises for bad input, each with a message for people."""

from __future__ import annotations


class StudyappError(Exception):
    """An error caused by input or environment, reported without a traceback.

    `message` is already translated and says what is wrong, where, and what to do.
    """

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(StudyappError):
    """The command line asks for something that cannot be done as asked."""

    exit_code = 2
