"""For the 30 sampled GGZ records (random.seed(12); random.sample(GGZ records in file order, 30)),
list the top-10 GZ records by word-set cosine and by Jaccard (union), for manual reading.
Output: ../tmp/exh_cands.txt"""
import json, math, random
from sim import load, words, jaccard
R = load()
ggz = [r for r in R.values() if r['nvi'] == 'nvi-ggz-2024-2026']
ggz.sort(key=lambda r: r['seq'])
random.seed(12)
sample = random.sample(ggz, 30)
W = {k: words(r['question']) for k, r in R.items()}
def cos(a, b): return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0
gz = [r for r in R.values() if r['nvi'] == 'nvi-gz-2024-2026']
out = open('../tmp/exh_cands.txt', 'w')
json.dump([r['id'] for r in sample], open('../tmp/exh_sample.json', 'w'))
for a in sample:
    bc = sorted(gz, key=lambda b: -cos(W[a['id']], W[b['id']]))[:10]
    bj = sorted(gz, key=lambda b: -jaccard(W[a['id']], W[b['id']]))[:10]
    cands = list(dict.fromkeys([b['id'] for b in bc + bj]))
    out.write(f"##### {a['id']} [{a['paragraph'][:45]}]\nQ: {a['question']}\n")
    for bid in cands:
        b = R[bid]
        out.write(f"  -- {bid} cos={cos(W[a['id']], W[bid]):.2f} jac={jaccard(W[a['id']], W[bid]):.2f} [{b['paragraph'][:30]}] {b['question'][:380]}\n")
    out.write('\n')
