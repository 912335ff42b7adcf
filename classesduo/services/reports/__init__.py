"""Termly reports: figures (data.py), labels, and the PDF, CSV and XLSX writers."""
