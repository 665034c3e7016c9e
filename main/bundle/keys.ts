// The installation's Ed25519 signing key. It lives beside the library in the data folder, readable by
// its owner only, and never enters a bundle: a bundle carries the public key and the signature.
import { createPrivateKey, createPublicKey, generateKeyPairSync, createHash, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';

const KEY_FILE = 'signing-key.pem';

export interface SigningKey {
  /** SPKI DER, base64: what a bundle carries. */
  publicKey: string;
  fingerprint: string;
  sign(bytes: Buffer): string;
}

export function loadOrCreateKey(dataDir: string): SigningKey {
  const file = path.join(dataDir, KEY_FILE);
  let key: KeyObject;
  if (fs.existsSync(file)) {
    try {
      key = createPrivateKey(fs.readFileSync(file));
    } catch (err) {
      throw new AppError('STORE_FAILED', `The signing key ${file} cannot be read (${(err as Error).message}); restore it from a backup, or move it aside to make a new one (bundles signed with the old key will then show an unknown signer).`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new AppError('STORE_FAILED', `The signing key ${file} is not an Ed25519 key.`);
  } else {
    key = generateKeyPairSync('ed25519').privateKey;
    // 'wx': never replace a key another process wrote a moment ago.
    fs.writeFileSync(file, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return {
    publicKey: der.toString('base64'),
    fingerprint: fingerprintOf(der.toString('base64')),
    sign: (bytes) => sign(null, bytes, key).toString('base64'),
  };
}

/** SHA-256 of the public key's SPKI DER, hex: what an analyst reads aloud to check a signer. */
export function fingerprintOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex');
}

export function verifySignature(publicKey: string, bytes: Buffer, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
