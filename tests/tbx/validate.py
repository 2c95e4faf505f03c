#!/usr/bin/env python3
"""Validates TBX files against the TBX v3 core structure (RELAX NG) and the TBX-Basic DCA
Schematron published by LTAC, the maintainers of ISO 30042 — as a termbase tool checking
an import would. The schemas are not vendored: pass the files from
github.com/LTAC-Global/TBX_Core_RNG (TBXcoreStructV03.rng) and
github.com/LTAC-Global/TBX-Basic_dialect (DCA/TBX-Basic_DCA.sch).

Usage:  validate.py CORE.rng DCA.sch FILE.tbx...   (needs lxml: pip install lxml)

lxml runs XSLT 1 Schematron, so the one XPath 2 construct the DCA rules use in a test that
matters to Keruen (`./local-name()`) is rewritten to its XPath 1 form, and the single
assertion built on XPath 2 `matches()` (external @target URLs, which Keruen never writes)
is left out and reported. Exits 0 when every file is valid, 1 otherwise.
"""

import sys

from lxml import etree, isoschematron

SCHEMATRON = {"s": "http://purl.oclc.org/dsdl/schematron"}


def schematron(path):
    doc = etree.parse(path)
    root = doc.getroot()
    root.set("queryBinding", "xslt")
    for element in root.iter():
        for attribute in ("test", "context"):
            value = element.get(attribute)
            if value:
                element.set(attribute, value.replace("./local-name()", "local-name()"))
    for check in list(root.iterfind(".//s:assert", SCHEMATRON)):
        if "matches(" in check.get("test"):
            print(f"left out (XPath 2): {check.get('test')}")
            rule = check.getparent()
            rule.remove(check)
            if not rule.findall("s:assert", SCHEMATRON) + rule.findall("s:report", SCHEMATRON):
                rule.getparent().remove(rule)
    return isoschematron.Schematron(doc, store_report=True)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    core = etree.RelaxNG(etree.parse(sys.argv[1]))
    rules = schematron(sys.argv[2])
    valid = True
    for path in sys.argv[3:]:
        doc = etree.parse(path)
        structure = core.validate(doc)
        categories = rules.validate(doc)
        print(f"{path}: core structure {'valid' if structure else 'INVALID'}, "
              f"TBX-Basic DCA rules {'valid' if categories else 'INVALID'}")
        for error in list(core.error_log)[:10]:
            print(f"  {error}")
        for error in list(rules.error_log)[:10]:
            print(f"  {error.message[:400]}")
        valid &= structure and categories
    sys.exit(0 if valid else 1)


if __name__ == "__main__":
    main()
