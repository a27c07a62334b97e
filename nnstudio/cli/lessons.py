"""``nnstudio lessons``: the lessons, one ``id<TAB>title`` per line (registered by
``nnstudio.cli``). Open one in the app with ``nnstudio --lesson ID``."""

from __future__ import annotations

import argparse
from typing import TextIO


def add_parsers(sub) -> None:  # noqa: ANN001 - argparse's private subparsers type
    """Register ``lessons`` on the CLI's subparsers."""
    p = sub.add_parser(
        "lessons", help="list the lessons (id and title); open one with 'nnstudio --lesson ID'"
    )
    p.add_argument(
        "--lang", choices=("en", "zh"), default="en", help="language of the titles (default: en)"
    )
    p.set_defaults(func=cmd_lessons)


def cmd_lessons(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio.lessons import all_lessons, lesson_lines

    for line in lesson_lines(all_lessons(), args.lang):
        print(line, file=out)
    return 0
