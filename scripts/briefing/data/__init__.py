"""The data readers take away: downloads, the data package, and release snapshots."""
