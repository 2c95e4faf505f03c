#!/usr/bin/env python3
"""The outside checks of CONTENT.md over the termbase source in db/termbase/.

Runs every Kazakh word through hunspell-kk, every Russian word through hunspell-ru and
pymorphy3, and every Chinese term's pinyin against pypinyin; prints the agreement figures.
Exits 1 while any disagreement is neither fixed nor explained in an allowlist
(db/termbase/<domain>.allow.tsv: lang, word, reason).

Needs: apt-get install hunspell hunspell-kk hunspell-ru; pip install pypinyin pymorphy3.
Usage: python3 db/tools/check_language.py [--file db/termbase/rail.toml] [--verbose]
"""

import argparse
import pathlib
import re
import subprocess
import sys
import tomllib
import unicodedata

from pypinyin import Style, pinyin as py_pinyin

ROOT = pathlib.Path(__file__).resolve().parents[1]
TERMBASE = ROOT / "termbase"
REASONS = ("abbreviation", "proper name", "loanword", "inflected form", "attested", "pinyin")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
HAN = re.compile(r"[\u3400-\u9fff]")


def load_concepts(files):
    """Every concept of the given termbase files, with the file it came from."""
    for path in files:
        with open(path, "rb") as handle:
            for concept in tomllib.load(handle).get("concept", []):
                yield path.name, concept


def load_allowlist():
    """(lang, word) -> reason, from every *.allow.tsv; a reason must name its kind."""
    allowed, problems = {}, []
    for path in sorted(TERMBASE.glob("*.allow.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or not parts[2].strip().lower().startswith(REASONS):
                problems.append(f"{path.name}:{number}: want lang<TAB>word<TAB>reason, reason one of {REASONS}")
                continue
            allowed[(parts[0], parts[1].lower())] = parts[2]
    return allowed, problems


def texts(concept, lang):
    """Every text of one language in a concept: term, variants, definition, example."""
    section = concept.get(lang, {})
    out = [section.get("term", ""), section.get("definition", ""), section.get("example", "")]
    out += [v.get("text", "") for v in section.get("variants", [])]
    return [t for t in out if t]


DOMAINS = {"policy", "rail", "road", "air", "sea", "forwarding", "customs", "trade-terms",
           "documents", "warehousing", "finance", "geography"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CYRILLIC_TEXT = re.compile(r"^[\u0400-\u04ff0-9\s.,;:()«»\"'/№%–—\-]*$")


def structure_problems(concepts):
    """A quick look at what the Rust validator checks in full: fields, ids, scripts."""
    problems, seen = [], set()
    for name, c in concepts:
        cid = c.get("id", "")
        where = f"{name} {cid}"
        if not SLUG.match(cid) or cid in seen:
            problems.append(f"{where}: id missing, not a slug, or repeated")
        seen.add(cid)
        if c.get("domain") not in DOMAINS:
            problems.append(f"{where}: unknown domain {c.get('domain')!r}")
        if not c.get("source"):
            problems.append(f"{where}: no source")
        if c.get("from_article") and not c.get("article_context"):
            problems.append(f"{where}: from_article without article_context")
        for lang in ("kk", "ru", "zh", "en"):
            if not c.get(lang, {}).get("term"):
                problems.append(f"{where}: no {lang} term")
        for lang in ("en", "ru"):
            if not c.get(lang, {}).get("definition"):
                problems.append(f"{where}: no {lang} definition")
        for lang in ("kk", "ru"):
            section = c.get(lang, {})
            for text in [section.get("term", "")] + [v.get("text", "") for v in section.get("variants", [])]:
                if not CYRILLIC_TEXT.match(text):
                    problems.append(f"{where}: {lang} {text!r} holds a non-Cyrillic letter")
        for pair in pinyin_pairs(c):
            if pair[0] and not pair[1]:
                problems.append(f"{where}: zh {pair[0]!r} without pinyin")
    return problems


def words(text):
    return [w.lower() for w in WORD.findall(text) if not re.search(r"[A-Za-z]", w)]


def hunspell_unknown(dictionary, vocabulary):
    """The words of `vocabulary` that hunspell with `dictionary` does not know."""
    result = subprocess.run(["hunspell", "-d", dictionary, "-l"], input="\n".join(sorted(vocabulary)),
                            capture_output=True, text=True, check=True)
    return {w.lower() for w in result.stdout.split()}


def strip_tone(syllable):
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c) or c == "\u0308")


def align(chars, spelled):
    """Split `spelled` (pinyin without separators) into one reading per character, or None."""
    options = [sorted({p for p in py_pinyin(c, style=Style.TONE, heteronym=True)[0]}, key=len, reverse=True) for c in chars]

    def walk(index, rest):
        if index == len(chars):
            return [] if not rest else None
        for reading in options[index] + [strip_tone(o) for o in options[index]]:
            if rest.startswith(reading):
                tail = walk(index + 1, rest[len(reading):])
                if tail is not None:
                    return [reading] + tail
        return None

    return walk(0, spelled)


def pinyin_pairs(concept):
    section = concept.get("zh", {})
    yield section.get("term", ""), section.get("pinyin", "")
    for variant in section.get("variants", []):
        yield variant.get("text", ""), variant.get("pinyin", "")


def check_pinyin(concepts, allowed, report):
    agree = total = 0
    for name, concept in concepts:
        for hanzi, spelled in pinyin_pairs(concept):
            chars = [c for c in hanzi if HAN.match(c)]
            if not chars:
                continue
            flat = re.sub(r"[\s'\-’·]", "", unicodedata.normalize("NFC", spelled)).lower()
            readings = align(chars, flat)
            if readings is None:
                report.append(f"{name} {concept.get('id')}: pinyin '{spelled}' does not fit {hanzi}")
                total += len(chars)
                continue
            expected = [p[0] for p in py_pinyin("".join(chars), style=Style.TONE)]
            for char, ours, theirs in zip(chars, readings, expected):
                total += 1
                if ours == theirs or strip_tone(ours) == theirs:
                    agree += 1
                elif ("pinyin", hanzi.lower()) not in allowed:
                    report.append(f"{name} {concept.get('id')}: {hanzi} {char}={ours}, pypinyin says {theirs}")
    return agree, total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", action="append", type=pathlib.Path)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    files = args.file or sorted(TERMBASE.glob("*.toml"))
    concepts = list(load_concepts(files))
    allowed, problems = load_allowlist()

    kk_words = {w for _, c in concepts for t in texts(c, "kk") for w in words(t)}
    ru_words = {w for _, c in concepts for t in texts(c, "ru") for w in words(t)}
    kk_unknown = hunspell_unknown("kk_KZ", kk_words)
    ru_unknown_hunspell = hunspell_unknown("ru_RU", ru_words)
    import pymorphy3
    morph = pymorphy3.MorphAnalyzer()
    ru_unknown_morph = {w for w in ru_words if not morph.word_is_known(w)}
    ru_unknown = ru_unknown_hunspell & ru_unknown_morph

    report = list(problems) + structure_problems(concepts)
    for lang, unknown in (("kk", kk_unknown), ("ru", ru_unknown)):
        for word in sorted(unknown):
            if (lang, word) not in allowed:
                report.append(f"{lang} word unknown to the dictionaries and not allowlisted: {word}")
    agree, total = check_pinyin(concepts, allowed, report)
    unexplained_pinyin = sum(1 for line in report if "pypinyin says" in line)

    def share(known, count):
        return f"{known}/{count} = {100 * known / count:.1f} %" if count else "0/0"

    print(f"concepts: {len(concepts)} in {len(files)} file(s)")
    print(f"kk words known to hunspell-kk: {share(len(kk_words) - len(kk_unknown), len(kk_words))}; "
          f"allowlisted: {len([w for w in kk_unknown if ('kk', w) in allowed])}")
    print(f"ru words known to hunspell-ru: {share(len(ru_words) - len(ru_unknown_hunspell), len(ru_words))}; "
          f"to pymorphy3: {share(len(ru_words) - len(ru_unknown_morph), len(ru_words))}; "
          f"to either: {share(len(ru_words) - len(ru_unknown), len(ru_words))}; "
          f"allowlisted: {len([w for w in ru_unknown if ('ru', w) in allowed])}")
    print(f"pinyin syllables agreeing with pypinyin: {share(agree, total)}; unexplained: {unexplained_pinyin}")
    for line in report if args.verbose or len(report) < 400 else report[:400]:
        print("  " + line)
    ok = not report and (total == 0 or agree / total >= 0.98)
    print("PASS" if ok else f"FAIL: {len(report)} open finding(s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
