"""Making studyapp installable on a laptop with no internet (issue 18).

`python -m studyapp.dist offline -o DIR` writes a folder to put on a USB
stick: studyapp's wheel, every dependency as wheels for each target platform
and Python version, scripts that install them with no network, and a short
guide in Vietnamese.

Why it lives here, inside the package, and not in a `tools/` folder: it reads
the project's own dependency list and version, it is run with the project's
interpreter (`python -m studyapp.dist`), and its tests import it like any other
module (mypy and ruff check it with the rest). It is a developer's tool, not
part of the program: nothing in studyapp imports it, and it never imports
Textual or Rich, so it runs in any environment that has pip and `packaging`.
"""
