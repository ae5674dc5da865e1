"""Machine drafts: sentence splitting, masking of protected tokens, Argos models and engine."""
