"""Checks on chapters: every sentence sourced or marked, no number typed by hand."""
