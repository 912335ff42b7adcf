"""The calendar area: week and month views, the slot finder, the overlap picture, session dialogs."""
