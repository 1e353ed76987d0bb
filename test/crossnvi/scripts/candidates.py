"""Candidate generation (word-overlap only) used to find pairs to read. Writes text dumps to ../tmp/:
  ggz_noexact_top3.txt  GGZ records without a verbatim GZ twin, top-3 GZ by word-set cosine
  hardneg.txt           GGZ records with a verbatim GZ twin: next-best GZ records (cos 0.3-0.9) = hard negatives
  old_top.txt           2024-2026 (GGZ/GZ) x 2021-2023 pairs with word-set cosine >= 0.28
  old_tfidf.txt         same cross with idf-weighted cosine >= 0.2
Keyword greps (show.py / ad-hoc) were used on top of these."""
import math, collections
from sim import load, words, jaccard
R = load(); W = {k: words(r['question']) for k, r in R.items()}
def cos(a, b):
    A, B = W[a], W[b]; return len(A & B) / math.sqrt(len(A) * len(B)) if A and B else 0
by = collections.defaultdict(list)
for r in R.values(): by[r['nvi']].append(r)
G, Z, O = by['nvi-ggz-2024-2026'], by['nvi-gz-2024-2026'], by['nvi-2021-2023']
T = '../tmp/'
with open(T + 'ggz_noexact_top3.txt', 'w') as f1, open(T + 'hardneg.txt', 'w') as f2:
    for a in G:
        sc = sorted(((cos(a['id'], b['id']), b['id']) for b in Z), reverse=True)
        if sc[0][0] < 0.999:
            f1.write(f"##### {a['id']}\nQ: {a['question']}\n" + ''.join(
                f"  -- {bid} cos={c:.2f} Q: {R[bid]['question'][:500]}\n" for c, bid in sc[:3]) + '\n')
        else:
            for c, bid in sc[1:4]:
                if 0.3 <= c < 0.9:
                    f2.write(f"=== {a['id']} | {bid} cos={c:.2f}\nA: {a['question'][:450]}\nB: {R[bid]['question'][:450]}\n\n")
df = collections.Counter(w for s in W.values() for w in s); N = len(W)
idf = {w: math.log(N / df[w]) for w in df}
def tcos(a, b):
    A, B = W[a], W[b]
    num = sum(idf[w] ** 2 for w in A & B)
    da = math.sqrt(sum(idf[w] ** 2 for w in A)); db = math.sqrt(sum(idf[w] ** 2 for w in B))
    return num / (da * db) if da and db else 0
with open(T + 'old_top.txt', 'w') as f3, open(T + 'old_tfidf.txt', 'w') as f4:
    p3, p4 = [], []
    for a in G + Z:
        for o in O:
            c = cos(a['id'], o['id']); t = tcos(a['id'], o['id'])
            if c >= 0.28: p3.append((c, a['id'], o['id']))
            if t >= 0.2: p4.append((t, a['id'], o['id']))
    for f, ps in ((f3, p3), (f4, p4)):
        for c, a, o in sorted(ps, reverse=True):
            f.write(f"=== {a} | {o} score={c:.2f}\nA: {R[a]['question'][:700]}\nO: {R[o]['question'][:700]}\n\n")
print('done')
