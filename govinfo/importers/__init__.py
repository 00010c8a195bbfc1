"""Batch files (CSV, TSV, XLSX) → candidate records, planned writes and problems."""
