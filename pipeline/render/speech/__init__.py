"""Listen: a guide's published text spoken, chapter by chapter, by an offline speech engine."""
