#!/usr/bin/env python3
"""Finishes the new entries of translations/cryptopredict_en.ts after `update_translations`.

English is the source language, so each English "translation" is its source text; strings with
%n get a singular and a plural form ("%n row(s)" -> "%n row" / "%n rows"). Entries that are
already finished are left alone. Usage: scripts/i18n-fill-english.py [path/to/cryptopredict_en.ts]
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

DEFAULT = pathlib.Path(__file__).resolve().parent.parent / "translations" / "cryptopredict_en.ts"


def plural_forms(source):
    # The first "(s)" after %n belongs to the counted word.
    i = source.find("%n")
    if i < 0 or source.find("(s)", i) < 0:
        return [source, source]
    return [source[:i] + source[i:].replace("(s)", "", 1),
            source[:i] + source[i:].replace("(s)", "s", 1)]


def main():
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") != "unfinished":
            continue
        source = message.find("source").text or ""
        del translation.attrib["type"]
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            translation.text = None
            for text in plural_forms(source):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = source
        filled += 1
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    print(f"{path}: {filled} entries finished; run update_translations again to reformat.")


if __name__ == "__main__":
    main()
