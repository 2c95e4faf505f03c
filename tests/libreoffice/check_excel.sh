#!/usr/bin/env bash
# Opens Keruen's Excel export in LibreOffice Calc (headless), saves it as .xlsx, reads the
# workbook back as CSV and checks that every Kazakh, Russian and Chinese cell came through
# intact. Needs `soffice` (Debian: libreoffice-calc-nogui). Not part of `cargo test`.
#
#   bash tests/libreoffice/check_excel.sh [DECK]      (default deck: customs)
set -euo pipefail
cd "$(dirname "$0")/../.."
deck="${1:-customs}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --quiet
keruen=target/debug/keruen
KERUEN_DATA_DIR="$work/data" "$keruen" export --deck "$deck" --format excel --out "$work/keruen.csv"

# Headless LibreOffice skips the Text Import dialog (which reads the byte-order mark and
# picks UTF-8) and falls back to a Western charset, so the charset is named here as the
# dialog would set it: comma-separated, double quotes, UTF-8 (76), from line 1.
soffice --headless -env:UserInstallation="file://$work/profile" \
    --infilter='CSV:44,34,76,1' \
    --convert-to xlsx --outdir "$work" "$work/keruen.csv" >/dev/null
mkdir "$work/back"
soffice --headless -env:UserInstallation="file://$work/profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/back" "$work/keruen.xlsx" >/dev/null

python3 - "$work/keruen.csv" "$work/back/keruen.csv" <<'PY'
import csv, sys
def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))
exported, reread = rows(sys.argv[1]), rows(sys.argv[2])
assert len(exported) == len(reread), f"{len(exported)} rows exported, {len(reread)} read back"
header = exported[0]
checked = 0
for column in ("kk", "ru", "zh", "pinyin", "kk_definition", "zh_definition"):
    at = header.index(column)
    for line, (a, b) in enumerate(zip(exported[1:], reread[1:]), start=2):
        if a[at] != b[at]:
            sys.exit(f"line {line}, column {column}: exported {a[at]!r}, LibreOffice read {b[at]!r}")
        checked += 1
kazakh = sum(any(c in "әғқңөұүһі" for c in r[header.index("kk")]) for r in exported[1:])
print(f"LibreOffice kept all {checked} Kazakh, Russian, Chinese and pinyin cells of {len(exported) - 1} concepts "
      f"({kazakh} Kazakh terms with Kazakh-only letters) through .csv → .xlsx → .csv")
PY
