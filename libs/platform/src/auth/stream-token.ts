import { SetMetadata } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const ACCEPTS_STREAM_TOKEN = 'parkmatch:accepts-stream-token';

/**
 * Marks an event-stream route a browser may open with `?access_token=<stream token>`: `EventSource` cannot send an
 * `Authorization` header. Everywhere else a stream token is not a key.
 */
export const AcceptsStreamToken = (): MethodDecorator => SetMetadata(ACCEPTS_STREAM_TOKEN, true);

/** How long a stream token may be used to open a stream (an open stream stays open). */
export const STREAM_TOKEN_TTL_MS = 60_000;

export interface IssuedStreamToken {
  readonly token: string;
  readonly expiresAt: string;
}

/**
 * Short-lived tokens that stand for an API key on event-stream routes: `<payload>.<HMAC-SHA256>`, base64url, whose
 * payload names the key id and the expiry. The secret is STREAM_TOKEN_SECRET, or one made per process (then a token
 * works only on the instance that issued it). Verifying looks the key up again, so a revoked key's tokens stop.
 */
export class StreamTokens {
  private readonly secret: Buffer;

  constructor(
    secret: string | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(keyId: string): IssuedStreamToken {
    const expires = this.now() + STREAM_TOKEN_TTL_MS;
    const payload = Buffer.from(JSON.stringify({ k: keyId, e: expires })).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expiresAt: new Date(expires).toISOString() };
  }

  /** The key id a valid, unexpired token stands for; undefined for anything else. */
  keyIdOf(token: string): string | undefined {
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const presented = Buffer.from(signature);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
    try {
      const { k, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { k?: unknown; e?: unknown };
      return typeof k === 'string' && typeof e === 'number' && e > this.now() ? k : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
