"""Rows → text: the only code that formats output (rich tables, tabulate, CSV, JSON, XLSX)."""
