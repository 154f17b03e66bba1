#!/usr/bin/python3
# tests/make-pseudo-mo.py
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds a pseudo translation of data/atlas.xml for tests/test-i18n-atlas:
xgettext extracts the atlas with the ITS rules of po/its, exactly as for the
POT, and every translation is the English text marked with a leading "@@ ".
A text the loader looks up under a msgid that the extraction does not make
therefore comes out unmarked.

Usage: make-pseudo-mo.py SOURCE_ROOT OUTPUT.mo
"""
import os
import subprocess
import sys
import tempfile


def run(args, env=None):
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f'{" ".join(args)} failed:\n{result.stderr}')


def main():
    top, output = sys.argv[1], sys.argv[2]
    env = dict(os.environ, GETTEXTDATADIRS=os.path.join(top, 'po'))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'atlas.pot')
        english = os.path.join(tmp, 'en.po')
        pseudo = os.path.join(tmp, 'xx.po')
        run(['xgettext', '--from-code=UTF-8', '-o', pot, os.path.join(top, 'data', 'atlas.xml')], env)
        with open(pot, encoding='utf-8') as f:
            text = f.read().replace('charset=CHARSET', 'charset=UTF-8')
        with open(pot, 'w', encoding='utf-8') as f:
            f.write(text)
        run(['msgen', '-o', english, pot])
        run(['msgfilter', '--keep-header', '-i', english, '-o', pseudo, 'sed', '-e', 's/^/@@ /'])
        run(['msgfmt', '-o', output, pseudo])
    return 0


if __name__ == '__main__':
    sys.exit(main())
