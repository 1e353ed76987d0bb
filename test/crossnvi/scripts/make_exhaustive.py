"""Write ../same-question-exhaustive.json.

Sample: the GGZ records in file order, random.seed(12); random.sample(records, 30).
For each, candidates were the top 10 GZ records by word-set cosine plus the top 10 by Jaccard
(exhaustive_candidates.py -> tmp/exh_cands.txt), keyword greps over all GZ questions, and, for the
hardheidsclausule section (GGZ 2.7 / GZ 3.11), a full read of all 104 GZ 3.11 questions.
The lists below are the GZ records judged (by reading) to ask the same question.
"""
import json, random
from sim import load

JUDGED = {
    243: [335, 371],                      # verbatim (GZ has it twice)
    138: [195, 245, 201, 226, 202, 173],  # verbatim 195 + reworded requests to drop financial position / EV from the HHC
    271: [348],
    180: [238, 214],                      # how is financial position assessed (214 adds: which data)
    74: [],                               # W1/W2 places and tariff: GGZ-specific
    196: [],
    6: [],                                # GZ#64 related (non-labour-saving initiatives) but different request
    192: [250],
    248: [329],
    141: [198],
    236: [316],                           # GZ#2 / #319 ask *when* Bijlage 6 comes, not why it is late
    117: [173, 195, 245, 201, 226, 202],  # verbatim 173 + same request group as 138
    286: [368],
    1: [],                                # GZ#130/#128 ask about a different tariff measure
    75: [],
    226: [309, 312],
    189: [247, 165],
    84: [],
    174: [231],                           # GZ#179/#205/#194 related (reserves for investment) but different requests
    108: [164, 246],
    31: [],
    296: [375],
    103: [159, 196, 227, 200, 177, 156],  # how to prove / which norm or frame for doelmatige zorg (GZ#215, #217 excluded)
    39: [],
    263: [340],
    173: [230],
    208: [151],
    45: [],                               # GZ#62 asks what 'bewezen' technology is, not the time span
    10: [],
    32: [],
}

R = load()
ggz = sorted([r for r in R.values() if r['nvi'] == 'nvi-ggz-2024-2026'], key=lambda r: r['seq'])
random.seed(12)
sample = random.sample(ggz, 30)
assert sorted(r['seq'] for r in sample) == sorted(JUDGED), 'sample changed'
out = []
for r in sample:
    same = [f'nvi-gz-2024-2026#{s}' for s in JUDGED[r['seq']]]
    for s in same:
        assert s in R
    out.append({'record': r['id'], 'same': same})
json.dump(out, open('../same-question-exhaustive.json', 'w'), ensure_ascii=False, indent=1)
print(len(out), 'records;', sum(1 for o in out if o['same']), 'with >=1 match;',
      sum(len(o['same']) for o in out), 'matches in total')
