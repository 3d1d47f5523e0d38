#!/usr/bin/env python3
"""Build assets/common_words.txt: everyday English words, all lowercase.

usage: build_common_words.py [DICT] > assets/common_words.txt
  DICT: SCOWL "american-english" (size 50), Debian package wamerican:
        apt-get download wamerican && dpkg-deb -x wamerican_*.deb wam
        then DICT = wam/usr/share/dict/american-english (the default path is
        /usr/share/dict/american-english).

The words kept are the list's lowercase entries (letters only, no
possessives): SCOWL writes proper names capitalized, so a word it lists in
lowercase is a common word ("officers", "galaxy"), and a capitalized word of
an article that is not in this list is probably a name.
"""
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/american-english"
with open(path, encoding="utf-8") as f:
    words = sorted({w.strip() for w in f if re.fullmatch(r"[a-z]+", w.strip())})
print("# Common English words, lowercase, one a line: the lowercase entries of SCOWL")
print("# american-english size 50 (Kevin Atkinson; permissive licence, see SOURCES.md).")
print("# Built by tools/build_common_words.py.")
for w in words:
    print(w)
