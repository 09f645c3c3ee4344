"""PDF briefings: chapters in nav order, printed by WeasyPrint from a print HTML template."""
