"""POT/PO catalogs: extract, merge, translation memory, read and write.

This package is the only place that imports polib or Babel's PO reader.
"""
