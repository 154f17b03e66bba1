#!/usr/bin/env python3
# tests/check-us-spelling.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# GNOME writes its interface in US English: the strings the program shows
# (its .ui files, sources, desktop file, metainfo and settings) spell
# "color", not "colour", so "Colour" does not stand next to "Grayscale".
# The atlas's clinical text (data/atlas.xml) is left as its authors wrote.
import re
import sys
from pathlib import Path

BRITISH = re.compile(r"\b(colour|neighbour|grey|centre|behaviour|favour)", re.IGNORECASE)
top = Path(sys.argv[1])
files = [p for pattern in ("ui/*.ui", "src/**/*.c", "data/*.in", "data/*.gschema.xml")
         for p in top.glob(pattern)]
# the strings marked for translation: _("..."), N_("..."), C_("...", "..."),
# translatable .ui properties and items, and the data files' text
STRING = re.compile(r'(?:\bN?_|\bC_)\s*\((?:\s*"[^"]*"\s*,)?\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)'
                    r'|translatable="yes"[^>]*>([^<]*)<'
                    r'|<(?:summary|description|caption|name|p|li)>([^<]*)<')
bad = []
for path in sorted(files):
    text = path.read_text(encoding="utf-8")
    for m in STRING.finditer(text):
        s = next(g for g in m.groups() if g is not None)
        for word in BRITISH.findall(s):
            line = text.count("\n", 0, m.start()) + 1
            bad.append(f"{path.relative_to(top)}:{line}: “{word}” in {s.strip()[:70]!r}")
for b in bad:
    print(b)
print(f"{len(bad)} British spellings in the interface")
sys.exit(1 if bad else 0)
