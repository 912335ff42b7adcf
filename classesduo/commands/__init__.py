"""Headless commands of ``classesduo``: one module per command, each with ``register(subparsers)``.

A module adds its sub-parser and sets ``handler`` to a function taking the
parsed arguments and returning the exit status. Modules import services
inside their handlers, so ``classesduo --version`` stays instant.
"""

COMMAND_MODULES = [
    "classesduo.commands.demo",
    "classesduo.commands.listing",
    "classesduo.commands.importing",
    "classesduo.commands.log",
    "classesduo.commands.slots",
    "classesduo.commands.calendar",
    "classesduo.commands.ics",
    "classesduo.commands.invite",
    "classesduo.commands.sync",
    "classesduo.commands.feed",
    "classesduo.commands.media",
    "classesduo.commands.suggest",
    "classesduo.commands.report",
    "classesduo.commands.backup",
    "classesduo.commands.check",
    "classesduo.commands.erase",
    "classesduo.commands.bundle",
]
