#!/bin/sh
# Builds the two web font files of app/fonts from @fontsource/be-vietnam-pro: for each weight (400, 600) the Latin
# and Vietnamese subsets merged (fontTools' merge) and cut to the characters Vietnamese pages use (fontTools'
# subset), as WOFF2. Needs Debian's python3-fonttools and python3-brotli. Run from the repository root after
# `npm install`; the output is committed (docs/decisions/046-light-pages-and-cached-figures.md).
set -e
SRC=node_modules/@fontsource/be-vietnam-pro/files
OUT=app/fonts
UNI="U+0020-007E,U+00A0-00A9,U+00AB-00B7,U+00BB,U+00C0-00C3,U+00C8-00CA,U+00CC-00CD,U+00D2-00D5,U+00D7,U+00D9-00DA,U+00DD,U+00E0-00E3,U+00E8-00EA,U+00EC-00ED,U+00F2-00F5,U+00F7,U+00F9-00FA,U+00FD,U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303,U+0309,U+0323,U+1EA0-1EF9,U+2010-2015,U+2018-201A,U+201C-201E,U+2022,U+2026,U+2030,U+2039-203A,U+20AB,U+2190-2193,U+2212,U+2264-2265"
for w in 400 600; do
  T=$(mktemp -d)
  for s in latin vietnamese; do
    /usr/bin/python3 -m fontTools.ttLib.woff2 decompress -o $T/$s.ttf $SRC/be-vietnam-pro-$s-$w-normal.woff2
  done
  /usr/bin/python3 -m fontTools.merge --output-file=$T/merged.ttf $T/latin.ttf $T/vietnamese.ttf
  /usr/bin/python3 -m fontTools.subset $T/merged.ttf --unicodes="$UNI" --layout-features='kern,liga,calt,ccmp,locl,mark,mkmk,tnum' --flavor=woff2 --output-file=$OUT/be-vietnam-pro-$w.woff2
  rm -rf $T
done
ls -l $OUT/*.woff2
