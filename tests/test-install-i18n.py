#!/usr/bin/python3
# tests/test-install-i18n.py
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build with `meson install --destdir` into a temporary
directory and runs the installed binary there in German.

The binary binds its text domain to LOCALEDIR, or, when it runs from
ROOT/BINDIR (a tree staged under DESTDIR), to ROOT/LOCALEDIR (src/app/main.c):
so this runs the real installed layout, with the catalogs where `meson
install` put them, and no variable pointing the binary at them.

Usage: test-install-i18n.py MESON BUILD_ROOT BINDIR LOCALEDIR DATADIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

failures = []


def check(condition, message):
    print(('ok: ' if condition else 'FAIL: ') + message)
    if not condition:
        failures.append(message)


def staged(root, path):
    return os.path.join(root, path.lstrip('/'))


def run_installed(binary, language, *args):
    env = {
        'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
        'HOME': os.environ.get('HOME', '/tmp'),
        'LC_ALL': 'C.UTF-8',
        'LANGUAGE': language,
        'GSETTINGS_BACKEND': 'memory',
    }
    return subprocess.run([binary] + list(args), env=env, capture_output=True, text=True, timeout=60)


def main():
    meson, build_root, bindir, localedir, datadir = sys.argv[1:6]
    tmp = tempfile.mkdtemp(prefix='dermatomes-install-')
    try:
        result = subprocess.run([meson, 'install', '-C', build_root, '--destdir', tmp,
                                 '--no-rebuild', '--quiet'],
                                capture_output=True, text=True, timeout=240)
        check(result.returncode == 0, 'meson install --destdir succeeds' +
              ('' if result.returncode == 0 else ':\n' + result.stdout + result.stderr))
        if result.returncode != 0:
            return 1

        binary = staged(tmp, os.path.join(bindir, 'dermatomes'))
        check(os.access(binary, os.X_OK), f'the binary is installed at {bindir}')
        for lang in ('de', 'es', 'fr'):
            mo = staged(tmp, os.path.join(localedir, lang, 'LC_MESSAGES', 'dermatomes.mo'))
            check(os.path.isfile(mo), f'{lang} catalog installed in {localedir}')

        german = run_installed(binary, 'de', '--info', 'L4')
        check(german.returncode == 0, '--info L4 in German exits 0' +
              ('' if german.returncode == 0 else ': ' + german.stderr))
        for word in ('Innenknöchel', 'Fußheber (M. tibialis anterior)', 'Patellarsehnenreflex',
                     'Wade innen', 'Sensitivität 0,61'):
            check(word in german.stdout, f'German --info L4 says “{word}”')
        for english in ('medial malleolus', 'ankle dorsiflexors', 'patellar reflex', 'sensitivity'):
            check(english not in german.stdout, f'German --info L4 does not say “{english}”')
        # the fields and root ids are data, the same in every language
        check(german.stdout.startswith('root\tL4\nmap\tisncsci\n'), 'field names and ids stay as they are')
        check('\nkey-point-anterior\tInnenknöchel [is19, is11]\n' in german.stdout,
              'key point of L4 in German with its sources')

        error = run_installed(binary, 'de', '--info', 'L9')
        check(error.returncode != 0 and 'keine solche Wurzel' in error.stderr,
              'errors on the command line are German too')

        english = run_installed(binary, 'C', '--info', 'L4')
        check('medial malleolus' in english.stdout and 'Innenknöchel' not in english.stdout,
              'without LANGUAGE=de the same binary speaks English')

        desktop = staged(tmp, os.path.join(datadir, 'applications', 'io.github.dermatomes.Dermatomes.desktop'))
        with open(desktop, encoding='utf-8') as f:
            text = f.read()
        check('Comment[de]=Die Nervenwurzel finden' in text, 'the installed desktop file is translated')
        metainfo = staged(tmp, os.path.join(datadir, 'metainfo', 'io.github.dermatomes.Dermatomes.metainfo.xml'))
        with open(metainfo, encoding='utf-8') as f:
            text = f.read()
        check('xml:lang="de"' in text, 'the installed metainfo is translated')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f'{len(failures)} failed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
