#!/usr/bin/env python3
"""Imports Keruen's Anki exports into a fresh collection with the real Anki (PyPI's `anki`
package) and checks what Anki made of them.

Usage:
  check_import.py --expect EXPECT.json [--text FILE --text-notes N --text-cards N]
                  [--apkg FILE --apkg-notes N --apkg-cards N]

EXPECT.json (written by tests/anki.rs) holds the deck name, the number of directions and, for
each concept, its id, domain and preferred terms: {"deck": "...", "directions": 2,
"concepts": [{"id": "...", "domain": "...", "kk": "...", "ru": "...", "zh": "...",
"pinyin": "...", "en": "..."}]}.

The text file is imported the way Anki's import dialog does it: the metadata Anki reads from
the file's own headers, unchanged. The package is imported with Anki's default options, then a
second time to show that it updates its notes instead of adding copies. Exits 0 when all is
as expected, 1 with a message for each problem otherwise.
"""

import argparse
import html
import json
import os
import re
import sqlite3
import sys
import tempfile
import zipfile

try:
    import anki.lang
    from anki.buildinfo import version as anki_version
    from anki.collection import (
        Collection,
        ImportAnkiPackageOptions,
        ImportAnkiPackageRequest,
        ImportCsvRequest,
    )
    from anki.utils import field_checksum, strip_html_media
except ImportError as error:
    sys.exit(f"check_import.py: this python has no usable 'anki' package ({error})")

LANGS = ("kk", "ru", "zh", "en")
PACKAGE_FIELDS = ["Kazakh", "Russian", "Chinese", "Pinyin", "English", "Definitions", "Domain"]
PACKAGE_FIELD_OF = {"kk": "Kazakh", "ru": "Russian", "zh": "Chinese", "en": "English"}

problems = []


def problem(message):
    problems.append(message)
    print(f"  FAIL {message}")


def check(condition, message):
    if not condition:
        problem(message)
    return condition


def plain(field):
    """A field's text as a reader sees it: tags become spaces, entities are decoded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", " ", field))).strip()


def new_collection(folder, name):
    return Collection(os.path.join(folder, f"{name}.anki2"))


def deck_of_notes(col, note_ids):
    """The names of the decks holding the cards of these notes."""
    names = set()
    for nid in note_ids:
        for card in col.get_note(nid).cards():
            names.add(col.decks.name(card.did))
    return names


def check_text(path, expect, notes, cards, folder):
    print(f"text file {path}")
    col = new_collection(folder, "text")
    try:
        metadata = col.get_csv_metadata(path, None)
        log = col.import_csv(ImportCsvRequest(path=path, metadata=metadata)).log
        print(f"  import: {len(log.new)} new, {len(log.updated)} updated, "
              f"{len(log.duplicate)} duplicate, {len(log.conflicting)} conflicting, "
              f"{len(log.missing_notetype)} missing notetype, {len(log.missing_deck)} missing deck")
        check(len(log.new) == notes, f"text: Anki added {len(log.new)} notes, expected {notes}")
        all_notes = col.find_notes("")
        check(len(all_notes) == notes, f"text: collection has {len(all_notes)} notes, expected {notes}")
        all_cards = col.find_cards("")
        check(len(all_cards) == cards, f"text: collection has {len(all_cards)} cards, expected {cards}")
        notetypes = {col.get_note(nid).note_type()["name"] for nid in all_notes}
        check(notetypes == {"Basic (and reversed card)"},
              f"text: notes have note types {sorted(notetypes)}, expected Basic (and reversed card)")
        decks = deck_of_notes(col, all_notes)
        check(decks == {expect["deck"]}, f"text: cards are in decks {sorted(decks)}, expected {expect['deck']!r}")
        loaded = [col.get_note(nid) for nid in all_notes]
        seen = 0
        for concept in expect["concepts"]:
            found = [
                note for note in loaded
                if concept["domain"] in note.tags
                and all(concept[lang] in plain(note["Front"]) + " " + plain(note["Back"]) for lang in LANGS)
            ]
            if check(found, f"text: no note holds all four languages of {concept['id']}: "
                            + " / ".join(concept[lang] for lang in LANGS)):
                seen += 1
                note = found[0]
                check("keruen" in note.tags, f"text: note of {concept['id']} lacks the tag keruen")
                if concept["pinyin"]:
                    check(concept["pinyin"] in plain(note["Back"]),
                          f"text: the back of {concept['id']} lacks the pinyin {concept['pinyin']}")
        sample = col.get_note(all_notes[0])
        print(f"  Anki {anki_version}: {len(all_notes)} notes, {len(all_cards)} cards, "
              f"note type {sorted(notetypes)}, deck {sorted(decks)}, "
              f"{seen}/{len(expect['concepts'])} concepts with all four languages")
        print(f"  first note: Front={plain(sample['Front'])!r}")
        print(f"              Back={plain(sample['Back'])!r}")
        print(f"              tags={sample.tags}")
        again = col.import_csv(ImportCsvRequest(path=path, metadata=col.get_csv_metadata(path, None))).log
        check(len(col.find_notes("")) == notes,
              f"text: a second import left {len(col.find_notes(''))} notes, expected {notes}")
        print(f"  second import: {len(again.new)} new, {len(again.updated)} updated, "
              f"{len(again.duplicate)} unchanged; {len(col.find_notes(''))} notes")
    finally:
        col.close()


def check_package_file(path):
    """Checks the collection inside the package as written, before Anki touches it."""
    anki.lang.set_lang("en")  # strip_html_media runs in Anki's backend, which needs a language
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        check({"collection.anki2", "media"} <= names, f"apkg: the zip holds {sorted(names)}")
        check(package.read("media") == b"{}", "apkg: the media file is not {}")
        with tempfile.TemporaryDirectory() as folder:
            package.extract("collection.anki2", folder)
            db = sqlite3.connect(os.path.join(folder, "collection.anki2"))
            try:
                (ver,) = db.execute("select ver from col").fetchone()
                check(ver == 11, f"apkg: collection schema version {ver}, expected 11")
                bad = 0
                for flds, sfld, csum in db.execute("select flds, sfld, csum from notes"):
                    first = flds.split("\x1f")[0]
                    if str(sfld) != strip_html_media(first) or csum != field_checksum(first):
                        bad += 1
                check(bad == 0, f"apkg: {bad} notes have a sort field or checksum Anki disagrees with")
            finally:
                db.close()


def check_apkg(path, expect, notes, cards, folder):
    print(f"package {path}")
    check_package_file(path)
    col = new_collection(folder, "apkg")
    try:
        request = ImportAnkiPackageRequest(package_path=path, options=ImportAnkiPackageOptions())
        log = col.import_anki_package(request).log
        print(f"  import: {len(log.new)} new, {len(log.updated)} updated, "
              f"{len(log.duplicate)} duplicate, {len(log.conflicting)} conflicting")
        check(len(log.new) == notes, f"apkg: Anki added {len(log.new)} notes, expected {notes}")
        notetype = col.models.by_name("Keruen")
        if not check(notetype is not None, "apkg: no note type named Keruen"):
            return
        field_names = [field["name"] for field in notetype["flds"]]
        check(field_names == PACKAGE_FIELDS, f"apkg: note type fields {field_names}")
        templates = [template["name"] for template in notetype["tmpls"]]
        check(len(templates) == expect["directions"],
              f"apkg: {len(templates)} card templates {templates}, expected {expect['directions']}")
        all_notes = col.find_notes("")
        check(len(all_notes) == notes, f"apkg: collection has {len(all_notes)} notes, expected {notes}")
        all_cards = col.find_cards("")
        check(len(all_cards) == cards, f"apkg: collection has {len(all_cards)} cards, expected {cards}")
        decks = deck_of_notes(col, all_notes)
        check(decks == {expect["deck"]}, f"apkg: cards are in decks {sorted(decks)}, expected {expect['deck']!r}")
        by_guid = {col.get_note(nid).guid: col.get_note(nid) for nid in all_notes}
        seen = 0
        for concept in expect["concepts"]:
            note = by_guid.get(f"keruen:{concept['id']}")
            if not check(note is not None, f"apkg: no note with the guid of {concept['id']}"):
                continue
            ok = True
            for lang in LANGS:
                got = plain(note[PACKAGE_FIELD_OF[lang]])
                ok &= check(got == concept[lang],
                            f"apkg: {concept['id']} {PACKAGE_FIELD_OF[lang]} is {got!r}, expected {concept[lang]!r}")
            ok &= check(plain(note["Pinyin"]) == concept["pinyin"], f"apkg: {concept['id']} pinyin differs")
            ok &= check(note["Domain"] == concept["domain"], f"apkg: {concept['id']} domain differs")
            ok &= check(set(note.tags) == {concept["domain"], "keruen"}, f"apkg: {concept['id']} tags {note.tags}")
            ok &= check(len(note.cards()) == expect["directions"],
                        f"apkg: {concept['id']} has {len(note.cards())} cards")
            seen += ok
        first = col.get_card(all_cards[0])
        print(f"  Anki {anki_version}: {len(all_notes)} notes, {len(all_cards)} cards, note type Keruen "
              f"with fields {field_names} and templates {templates}, deck {sorted(decks)}, "
              f"{seen}/{len(expect['concepts'])} concepts with every field right")
        print(f"  first card question: {plain(first.question())!r}")
        print(f"  first card answer:   {plain(first.answer())!r}")
        again = col.import_anki_package(request).log
        after = len(col.find_notes(""))
        check(after == notes, f"apkg: a second import left {after} notes, expected {notes}")
        print(f"  second import: {len(again.new)} new, {len(again.updated)} updated, "
              f"{len(again.duplicate)} unchanged; {after} notes")
    finally:
        col.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--expect", required=True)
    parser.add_argument("--text")
    parser.add_argument("--text-notes", type=int)
    parser.add_argument("--text-cards", type=int)
    parser.add_argument("--apkg")
    parser.add_argument("--apkg-notes", type=int)
    parser.add_argument("--apkg-cards", type=int)
    args = parser.parse_args()
    if args.text and (args.text_notes is None or args.text_cards is None):
        parser.error("--text needs --text-notes and --text-cards")
    if args.apkg and (args.apkg_notes is None or args.apkg_cards is None):
        parser.error("--apkg needs --apkg-notes and --apkg-cards")
    with open(args.expect, encoding="utf-8") as file:
        expect = json.load(file)
    with tempfile.TemporaryDirectory() as folder:
        if args.text:
            check_text(os.path.abspath(args.text), expect, args.text_notes, args.text_cards, folder)
        if args.apkg:
            check_apkg(os.path.abspath(args.apkg), expect, args.apkg_notes, args.apkg_cards, folder)
    if problems:
        print(f"check_import.py: {len(problems)} problem(s) with Anki {anki_version}", file=sys.stderr)
        for message in problems:
            print(f"  {message}", file=sys.stderr)
        sys.exit(1)
    print(f"check_import.py: all as expected with Anki {anki_version}")


if __name__ == "__main__":
    main()
