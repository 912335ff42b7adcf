"""Classes Duo: plan and record the City of Paris school exchanges."""

__version__ = "0.1.0"
APP_NAME = "classesduo"
