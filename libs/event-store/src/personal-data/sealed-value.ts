import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** How an encrypted personal field is stored inside an event's JSON payload. */
export interface SealedValue {
  readonly $sealed: 'aes-256-gcm';
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

export const isSealed = (value: unknown): value is SealedValue =>
  typeof value === 'object' && value !== null && (value as SealedValue).$sealed === 'aes-256-gcm';

/**
 * AES-256-GCM with a fresh 96-bit IV per value. The context (event id and field) is
 * authenticated, so a sealed value copied into another event or field fails to open.
 */
export function seal(key: Buffer, plaintext: Buffer, context: string): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    $sealed: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function open(key: Buffer, sealed: SealedValue, context: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
}
