"""Exchange formats for translators' tools: XLIFF 2.1 and 1.2 for CAT tools, TMX for memories.

Hand-written on lxml: Translate Toolkit's XLIFF classes keep inline codes as opaque XML and
carry no element lines for errors; these formats are small, and lxml gives ``sourceline``.
"""
