"""Facts: reading editors' YAML and archived sources into a verified, immutable FactBook."""
