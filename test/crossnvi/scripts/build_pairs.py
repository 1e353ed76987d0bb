"""Build ../same-question-pairs.json from the manual judgements in judgments.py
plus a seeded sample of verbatim GGZ<->GZ duplicates (question word sets identical after
lower-casing, stop-word removal and GGZ/GZ normalisation; see sim.py).

"sim" = cosine (Ochiai) overlap of the two questions' lower-cased word sets (sim.words); it is only
the score used to find candidates, never the judgement.
"""
import json, math, random, collections, sys
from sim import load, words, jaccard
from judgments import PAIRS, EXACT_ANSWER

R = load()
W = {k: words(r['question']) for k, r in R.items()}
PRE = {'g': 'nvi-ggz-2024-2026#', 'z': 'nvi-gz-2024-2026#', 'o': 'nvi-2021-2023#VID-'}

def rid(short):
    full = PRE[short[0]] + short[1:]
    assert full in R, short
    return full

def cos(a, b):
    A, B = W[a], W[b]
    return len(A & B) / math.sqrt(len(A) * len(B)) if A and B else 0.0

out, seen = [], set()

def add(a, b, same, answer, note):
    key = frozenset((a, b))
    if key in seen:
        sys.exit(f'duplicate pair {a} {b}')
    if R[a]['nvi'] == R[b]['nvi']:
        sys.exit(f'same NvI {a} {b}')
    if same:
        assert answer in ('same', 'different'), (a, b)
    else:
        assert answer is None, (a, b)
    seen.add(key)
    out.append({'a': a, 'b': b, 'same': same, 'answer': answer, 'note': note,
                'sim': round(cos(a, b), 3), 'sim_jaccard': round(jaccard(W[a], W[b]), 3)})

for a, b, same, answer, note in PAIRS:
    if same and answer is None:
        answer, note = EXACT_ANSWER[(a, b)]
    add(rid(a), rid(b), same, answer, note)

# verbatim duplicates GGZ<->GZ
ggz = sorted([r for r in R.values() if r['nvi'] == 'nvi-ggz-2024-2026'], key=lambda r: r['seq'])
gz = sorted([r for r in R.values() if r['nvi'] == 'nvi-gz-2024-2026'], key=lambda r: r['seq'])
exact = [(a['id'], b['id']) for a in ggz for b in gz if W[a['id']] == W[b['id']]]
short = {v: k for k, v in {}.items()}

def to_short(full):
    for k, p in PRE.items():
        if full.startswith(p):
            return k + full[len(p):]

# all verbatim pairs whose answers differ in text were read and judged in EXACT_ANSWER
for a, b in exact:
    sa, sb = to_short(a), to_short(b)
    if (sa, sb) in EXACT_ANSWER and frozenset((a, b)) not in seen:
        ans, note = EXACT_ANSWER[(sa, sb)]
        add(a, b, True, ans, note)
    elif R[a]['answer'] != R[b]['answer']:
        assert (sa, sb) in EXACT_ANSWER, f'unjudged differing answers {sa} {sb}'

ident = [(a, b) for a, b in exact if R[a]['answer'] == R[b]['answer'] and frozenset((a, b)) not in seen]
random.seed(5)
for a, b in sorted(random.sample(ident, 58), key=lambda p: (R[p[0]]['seq'], R[p[1]]['seq'])):
    qsame = R[a]['question'] == R[b]['question']
    note = ('verbatim duplicate question' if qsame else 'duplicate question, trivial wording/format differences') + '; identical answers'
    add(a, b, True, 'same', note)

json.dump(out, open('../same-question-pairs.json', 'w'), ensure_ascii=False, indent=1)

# summary
def pair_kind(p):
    return ' <-> '.join(sorted((R[p['a']]['nvi'], R[p['b']]['nvi'])))
c = collections.Counter((pair_kind(p), p['same']) for p in out)
print('total', len(out), 'true', sum(p['same'] for p in out), 'false', sum(not p['same'] for p in out))
print('answer', collections.Counter(p['answer'] for p in out if p['same']))
for k, v in sorted(c.items()):
    print(k, v)
print('involving 2021-2023:', sum('nvi-2021-2023' in pair_kind(p) for p in out))
bands = collections.Counter((('>=0.9' if p['sim'] >= 0.9 else '0.4-0.9' if p['sim'] >= 0.4 else '<0.4'), p['same']) for p in out)
print('sim bands:', sorted(bands.items()))
