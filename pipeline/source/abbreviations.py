"""Danish abbreviations: the one list the sentence splitter and the punctuation check share."""

from __future__ import annotations

# Abbreviations that end with a period but rarely end a sentence ("kl. 8", "f.eks. MitID").
MID_SENTENCE = frozenset(
    """
    kl f.eks bl.a nr ca evt jf dvs mht pga vha inkl ekskl ift iflg tlf hhv vedr ang att adr
    t.o.m fr.o.m t.v t.h stk pkt kap afs tidl sml jan feb mar apr aug sep sept okt nov dec
    tirs tors lør søn dr prof hr st maks ml cm km kg mio mia a.m p.m e.g i.e vs
    """.split()
)
# Abbreviations that often end a sentence too: enumeration endings and units ("58 kr.").
SENTENCE_END = frozenset("osv m.m m.v o.l mv kr".split())
