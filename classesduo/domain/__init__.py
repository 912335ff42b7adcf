"""Plain-Python rules of Classes Duo: no Qt, no SQL.

Everything here can be tested in milliseconds and is shared by the services,
the GUI and the CLI.
"""
