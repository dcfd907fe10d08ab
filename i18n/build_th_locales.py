#!/usr/bin/env python3
"""Builds the Thai label files of Camunda's webapps from the English ones of the webjar in use.

    python3 i18n/build_th_locales.py [--allow-missing]

Reads META-INF/resources/webjars/camunda/app/<app>/locales/en.json from the camunda-webapp-webjar of the
pom's Camunda version (in ~/.m2), translates every label through i18n/th-catalogue.json (English text ->
Thai text, one entry per distinct English text) and i18n/th-overrides.json ("<app>:<KEY>" -> Thai, for a
label that needs a wording of its own), adds the Thai moment.js date locale (i18n/th-date-locale.json) and
writes src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/th.json.
After a Camunda upgrade: run it, translate what it lists as missing into the catalogue, run it again.
LocaleCompletenessTest fails while a label of the webjar's en.json has no Thai one.
"""
import json
import pathlib
import re
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
APPS = ['welcome', 'tasklist', 'cockpit', 'admin']


def camunda_version():
    pom = (ROOT / 'pom.xml').read_text(encoding='utf-8')
    return re.search(r'<camunda.version>([^<]+)</camunda.version>', pom).group(1)


def webjar(version):
    return pathlib.Path.home() / '.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar' / version / \
        f'camunda-webapp-webjar-{version}.jar'


def load(name):
    return json.loads((ROOT / 'i18n' / name).read_text(encoding='utf-8'))


def main():
    allow_missing = '--allow-missing' in sys.argv
    catalogue, overrides, date_locale = load('th-catalogue.json'), load('th-overrides.json'), load('th-date-locale.json')
    missing = {}
    with zipfile.ZipFile(webjar(camunda_version())) as jar:
        for app in APPS:
            en = json.loads(jar.read(f'META-INF/resources/webjars/camunda/app/{app}/locales/en.json').decode('utf-8-sig'))
            labels = {}
            for key, text in en['labels'].items():
                thai = overrides.get(f'{app}:{key}', catalogue.get(text))
                if thai is None:
                    missing[text] = ''
                    thai = text
                labels[key] = thai
            th = {'labels': labels}
            if 'dateLocales' in en:
                th = {'dateLocales': date_locale, 'labels': labels}
            out = ROOT / f'src/main/resources/META-INF/resources/webjars/camunda/app/{app}/locales/th.json'
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(th, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    if missing:
        (ROOT / 'target').mkdir(exist_ok=True)
        (ROOT / 'target/th-missing.json').write_text(json.dumps(missing, ensure_ascii=False, indent=1), encoding='utf-8')
        print(f'{len(missing)} English labels have no Thai text yet: target/th-missing.json', file=sys.stderr)
        if not allow_missing:
            sys.exit(1)


if __name__ == '__main__':
    main()
