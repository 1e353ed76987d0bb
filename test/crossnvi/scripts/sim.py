"""Shared loading + simple word-overlap similarity for NvI question matching."""
import json, re

SRC = {
    'nvi-ggz-2024-2026': ('../../../shared/real/NvI-GGZ-2024-2026.gold.jsonl', 'seq'),
    'nvi-gz-2024-2026': ('../../../shared/real/NvI-GZ-2024-2026.gold.jsonl', 'seq'),
    'nvi-2021-2023': ('../../../shared/fixtures/nvi-2021-2023.gold.jsonl', 'vid'),
}

# sector words normalised so GGZ<->GZ swaps do not lower the score
SECTOR = {'ggz', 'gz', 'gehandicaptenzorg', 'vg', 'lg', 'zg', 'lvg', 'sglvg', 'vv', 'v&v',
          'verpleeghuiszorg', 'ghz', 'psychiatrie'}
STOP = set('''de het een en van in op te dat is voor met die aan er zijn om of als
ook bij wordt door niet u uw we wij ons onze dit deze naar wat hoe kan kunt
worden zal zou was nog al dan tot over of uit maar hebben heeft wel meer geen
je ze hun zij hier daar welke wanneer waarom wie waar binnen wil graag'''.split())

def load():
    recs = {}
    for name, (path, key) in SRC.items():
        for line in open(path, encoding='utf-8'):
            r = json.loads(line)
            rid = f"{name}#{r[key]}"
            r['id'] = rid
            r['nvi'] = name
            recs[rid] = r
    return recs

def words(text, stop=True):
    toks = re.findall(r"[a-zà-ÿ0-9&]+", text.lower())
    out = set()
    for t in toks:
        if t in SECTOR:
            t = '<sector>'
        if stop and t in STOP:
            continue
        out.add(t)
    return out

def jaccard(a, b):
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
