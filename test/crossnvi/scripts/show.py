"""Print full question (and optionally answer) for record ids. usage: show.py [-a] id ..."""
import sys
from sim import load
R = load()
ans = '-a' in sys.argv
for rid in [x for x in sys.argv[1:] if x != '-a']:
    if '#' not in rid:
        pre = {'g': 'nvi-ggz-2024-2026#', 'z': 'nvi-gz-2024-2026#', 'o': 'nvi-2021-2023#VID-'}[rid[0]]
        rid = pre + rid[1:]
    r = R[rid]
    print(f"=== {rid} [{r['paragraph'][:50]}]\nQ: {r['question']}")
    if ans: print(f"A: {r['answer']}")
    print()
