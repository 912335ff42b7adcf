"""The media gallery's widgets: thumbnail loader, grid model and view, badges, detail panel, filters."""
