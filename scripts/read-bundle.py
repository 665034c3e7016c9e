#!/usr/bin/env python3
"""Checks a .sourcemark bundle using nothing of Sourcemark: written from docs/bundle-format.md alone, to
show that page is enough for another tool to read and verify a bundle.

    python3 scripts/read-bundle.py FILE.sourcemark

Prints what the bundle holds and who signed it; exits 1 with the reason when any check fails.
Needs Python 3 and the `cryptography` package (for Ed25519).
"""
import base64
import hashlib
import json
import sqlite3
import sys

APPLICATION_ID = 0x534D424E
# Tables in digest order: name, columns, how many leading columns are the key.
TABLES = [
    ('source', ['sha256', 'title', 'outlet', 'author', 'url', 'published_at', 'accessed_at', 'language', 'reliability', 'source_type', 'format', 'body'], 1),
    ('quote', ['source_sha256', 'start', 'end', 'exact', 'prefix', 'suffix', 'credibility', 'note'], 3),
    ('brief', ['uid', 'title', 'marking', 'summary', 'author', 'organisation', 'dissemination', 'cutoff_date', 'portion_mark', 'likelihood_row', 'source_summary', 'version_of'], 1),
    ('claim', ['uid', 'brief_uid', 'position', 'text', 'confidence', 'likelihood'], 1),
    ('citation', ['claim_uid', 'source_sha256', 'start', 'end', 'relation', 'position'], 4),
    ('tag', ['name', 'colour'], 1),
    ('source_tag', ['source_sha256', 'tag_name'], 2),
    ('quote_tag', ['source_sha256', 'start', 'end', 'tag_name'], 4),
    ('claim_tag', ['claim_uid', 'tag_name'], 2),
]


class Refused(Exception):
    pass


def canonical(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(',', ':')).encode('utf-8')


def utf16_slice(text: str, start: int, end: int) -> str:
    units = text.encode('utf-16-le')
    return units[2 * start:2 * end].decode('utf-16-le')


def check(path: str) -> dict:
    with open(path, 'rb') as f:
        if f.read(16) != b'SQLite format 3\x00':
            raise Refused('not a SQLite file')
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    if db.execute('PRAGMA application_id').fetchone()[0] != APPLICATION_ID:
        raise Refused('not a Sourcemark bundle (application id)')
    manifest = dict(db.execute('SELECT key, value FROM manifest'))
    if int(manifest['format_version']) > 1:
        raise Refused(f"bundle format {manifest['format_version']} is newer than this reader (1)")
    counts = json.loads(manifest['counts'])
    digest = hashlib.sha256(b'sourcemark-bundle 1\n')
    bodies = {}
    for name, cols, key in TABLES:
        digest.update(f'{name}\n'.encode())
        select = ', '.join(f'"{c}"' for c in cols)
        order = ', '.join(f'"{c}"' for c in cols[:key])
        n = 0
        for *values, stored in db.execute(f'SELECT {select}, row_sha256 FROM {name} ORDER BY {order}'):
            row_hash = hashlib.sha256(canonical([name, *values])).hexdigest()
            if row_hash != stored:
                raise Refused(f'{name} row {values[:key]} does not match its row_sha256')
            digest.update(f'{row_hash}\n'.encode())
            n += 1
            if name == 'source':
                if hashlib.sha256(values[11].encode('utf-8')).hexdigest() != values[0]:
                    raise Refused(f'source {values[0]}: the body does not match its hash')
                bodies[values[0]] = values[11]
            elif name == 'quote':
                body = bodies.get(values[0])
                if body is None or utf16_slice(body, values[1], values[2]) != values[3]:
                    raise Refused(f'passage {values[:3]} is not its source text at that range')
        if counts.get(name, 0) != n:
            raise Refused(f'{name}: {n} rows, the manifest says {counts.get(name, 0)}')
    if digest.hexdigest() != manifest['content_digest']:
        raise Refused('the content digest does not match')
    signer = None
    if manifest['public_key'] or manifest['signature']:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.serialization import load_der_public_key

        signed = {
            'format_version': int(manifest['format_version']),
            'app_version': manifest['app_version'],
            'created_at': manifest['created_at'],
            'author_name': manifest['author_name'],
            'counts': {name: counts.get(name, 0) for name, _, _ in TABLES},
            'content_digest': manifest['content_digest'],
            'public_key': manifest['public_key'],
        }
        der = base64.b64decode(manifest['public_key'])
        try:
            load_der_public_key(der).verify(base64.b64decode(manifest['signature']), b'sourcemark-bundle-manifest\n' + canonical(signed))
        except (InvalidSignature, ValueError) as err:
            raise Refused('the signature does not verify') from err
        signer = hashlib.sha256(der).hexdigest()
    briefs = [title for (title,) in db.execute('SELECT title FROM brief ORDER BY uid')]
    return {'counts': counts, 'briefs': briefs, 'author': manifest['author_name'], 'fingerprint': signer}


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        result = check(sys.argv[1])
    except Refused as err:
        print(f'REFUSED: {err}', file=sys.stderr)
        sys.exit(1)
    print(json.dumps(result, ensure_ascii=False))
