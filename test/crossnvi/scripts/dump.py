"""Dump candidate pairs (with question/answer text) for reading. usage: dump.py A B lo hi [topk]"""
import sys, math
from sim import *
R = load()
A, B, lo, hi = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
topk = int(sys.argv[5]) if len(sys.argv) > 5 else 1
W = {k: words(r['question']) for k, r in R.items()}
def cos(a, b): return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0
As = [r for r in R.values() if r['nvi'] == A]; Bs = [r for r in R.values() if r['nvi'] == B]
for a in As:
    sc = sorted(((cos(W[a['id']], W[b['id']]), jaccard(W[a['id']], W[b['id']]), b['id']) for b in Bs), reverse=True)[:topk]
    for c, j, bid in sc:
        if lo <= c < hi:
            b = R[bid]
            print(f"=== {a['id']} | {bid}  cos={c:.2f} jac={j:.2f}")
            print(f"A[{a['paragraph'][:40]}] Q: {a['question']}\n   A: {a['answer'][:600]}")
            print(f"B[{b['paragraph'][:40]}] Q: {b['question']}\n   A: {b['answer'][:600]}\n")
