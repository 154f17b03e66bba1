#!/usr/bin/python3
# tests/check-potfiles.py
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file with translatable strings is missing from
po/POTFILES.in, or when POTFILES.in names a file that does not exist.

"Has translatable strings" is decided by xgettext itself, with the keywords of
meson's glib preset and the ITS rules in po/its, so a file whose only gettext
call takes a variable (the atlas loader) is not demanded.

Usage: check-potfiles.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = ['-k_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
            '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
            '--keyword=g_dpgettext2:2c,3']
# where translatable files live, and what they end in
CANDIDATES = {
    'src': ('.c', '.h'),
    'ui': ('.ui',),
    'data': ('.desktop.in', '.metainfo.xml.in', '.gschema.xml', 'atlas.xml'),
}


def read_potfiles(top):
    listed = []
    with open(os.path.join(top, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def candidates(top):
    found = []
    for sub, suffixes in CANDIDATES.items():
        for dirpath, dirnames, filenames in os.walk(os.path.join(top, sub)):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(suffixes):
                    found.append(os.path.relpath(os.path.join(dirpath, name), top))
    return found


def files_with_messages(top, files):
    env = dict(os.environ, GETTEXTDATADIRS=os.path.join(top, 'po'))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'check.pot')
        result = subprocess.run(['xgettext', '--from-code=UTF-8', '--force-po', '-D', top,
                                 '-o', pot] + KEYWORDS + files,
                                env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit('xgettext failed:\n' + result.stderr)
        with open(pot, encoding='utf-8') as f:
            text = f.read()
    with_messages = set()
    for line in text.splitlines():
        if line.startswith('#: '):
            for ref in line[3:].split():
                with_messages.add(re.sub(r':\d+$', '', ref))
    return with_messages


def main():
    top = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                          os.path.join(os.path.dirname(__file__), '..'))
    listed = read_potfiles(top)
    errors = []
    for path in listed:
        if not os.path.exists(os.path.join(top, path)):
            errors.append(f'po/POTFILES.in lists {path}, which does not exist')
    if len(set(listed)) != len(listed):
        errors.append('po/POTFILES.in lists a file twice')
    for path in sorted(files_with_messages(top, candidates(top)) - set(listed)):
        errors.append(f'{path} has translatable strings but is not in po/POTFILES.in')
    for e in errors:
        print(e, file=sys.stderr)
    print(f'{len(listed)} files listed, {len(errors)} problems')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
