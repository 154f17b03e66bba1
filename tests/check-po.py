#!/usr/bin/python3
# tests/check-po.py
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks one translation: po/LANG.po exists and is listed in po/LINGUAS,
msgfmt --check accepts it, and at least 95% of the messages of a POT made
now from po/POTFILES.in (so strings added since the last `ninja
dermatomes-update-po` count as untranslated) have a translation that is
neither missing nor fuzzy.

Usage: check-po.py SOURCE_ROOT LANG
"""
import os
import re
import subprocess
import sys
import tempfile

THRESHOLD = 95.0
# what po/meson.build passes: meson's glib preset and --add-comments
XGETTEXT_ARGS = [
    '--package-name=dermatomes', '-k_', '--from-code=UTF-8', '--add-comments=Translators',
    '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    return 1


def run(args, env=None):
    return subprocess.run(args, env=env, capture_output=True, text=True)


def linguas(po_dir):
    langs = []
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        for line in f:
            langs += line.split('#')[0].split()
    return langs


def statistics(output):
    """(translated, fuzzy, untranslated) from msgfmt --statistics"""
    counts = {}
    for kind in ('translated', 'fuzzy', 'untranslated'):
        m = re.search(r'(\d+) ' + kind, output)
        counts[kind] = int(m.group(1)) if m else 0
    return counts['translated'], counts['fuzzy'], counts['untranslated']


def main():
    top, lang = sys.argv[1], sys.argv[2]
    po_dir = os.path.join(top, 'po')
    po = os.path.join(po_dir, lang + '.po')

    if not os.path.exists(po):
        return fail(f'po/{lang}.po does not exist')
    if lang not in linguas(po_dir):
        return fail(f'{lang} is not listed in po/LINGUAS')

    result = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po])
    if result.returncode != 0:
        return fail(f'msgfmt --check rejects po/{lang}.po:\n{result.stderr}')
    print(f'po/{lang}.po as committed: {result.stderr.strip()}')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'dermatomes.pot')
        env = dict(os.environ, GETTEXTDATADIRS=po_dir)
        result = run(['xgettext', '-f', os.path.join(po_dir, 'POTFILES.in'), '-D', top,
                      '-o', pot] + XGETTEXT_ARGS, env)
        if result.returncode != 0:
            return fail(f'xgettext failed:\n{result.stderr}')
        merged = os.path.join(tmp, lang + '.po')
        result = run(['msgmerge', '--quiet', '-o', merged, po, pot])
        if result.returncode != 0:
            return fail(f'msgmerge failed:\n{result.stderr}')
        result = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged])
        if result.returncode != 0:
            return fail(f'msgfmt --check rejects po/{lang}.po merged with the sources:\n{result.stderr}')

    translated, fuzzy, untranslated = statistics(result.stderr)
    total = translated + fuzzy + untranslated
    percent = 100.0 * translated / total if total else 0.0
    print(f'{lang}: {translated} of {total} messages of the sources translated '
          f'({percent:.1f}%), {fuzzy} fuzzy, {untranslated} untranslated')
    if total < 100:
        return fail(f'only {total} messages in the sources: the POT was not made right')
    if percent < THRESHOLD:
        return fail(f'{lang} is {percent:.1f}% translated, below {THRESHOLD:.0f}%')
    return 0


if __name__ == '__main__':
    sys.exit(main())
