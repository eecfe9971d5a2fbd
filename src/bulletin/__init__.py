"""bulletin: turn the raw text of Chinese news bulletins into structured, traceable data."""
