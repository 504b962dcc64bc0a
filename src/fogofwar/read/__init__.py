"""Readers: turn input bytes into a :class:`~fogofwar.model.Document` (one module per format)."""

from fogofwar.read.plaintext import DEFAULT_MAX_BYTES, read_bytes, read_path

__all__ = ["DEFAULT_MAX_BYTES", "read_bytes", "read_path"]
