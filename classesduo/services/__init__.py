"""Use cases shared by the GUI and the CLI: one place for each rule.

Services take a :class:`~classesduo.storage.database.Database`, run one
transaction per user action, and speak in domain records, never rows.
"""
