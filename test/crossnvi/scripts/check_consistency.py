"""Check that pair judgements agree with the exhaustive lists where they overlap, and basic schema."""
import json
P = json.load(open('../same-question-pairs.json'))
E = json.load(open('../same-question-exhaustive.json'))
ex = {e['record']: set(e['same']) for e in E}
bad = 0
for p in P:
    assert set(p) >= {'a', 'b', 'same', 'answer', 'note', 'sim'}
    assert p['a'].split('#')[0] != p['b'].split('#')[0]
    for x, y in ((p['a'], p['b']), (p['b'], p['a'])):
        if x in ex and y.startswith('nvi-gz-2024-2026#'):
            if (y in ex[x]) != p['same']:
                bad += 1; print('MISMATCH', x, y, p['same'])
print('pairs', len(P), 'exhaustive', len(E), 'mismatches', bad)
