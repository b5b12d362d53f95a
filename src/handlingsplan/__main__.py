"""``python -m handlingsplan``: the command line, kept in :mod:`handlingsplan._cli`.

That package is the only place with I/O. Commands: ``check``, ``deadlines``, ``rules``,
``parameters``, ``schema``, ``demo``; ``python -m handlingsplan COMMAND --help`` gives
each one's options, exit statuses and an example.
"""

from __future__ import annotations

from ._cli import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
