import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * The first step of a graceful shutdown: stop accepting connections, let the requests in flight finish while the
 * database and broker are still open, then report whether every connection ended in time. While draining, every
 * answer says `Connection: close`, so no keep-alive socket is reused after its last response; event streams, which
 * never finish on their own, are ended.
 */
export class HttpDrain {
  private readonly inFlight = new Set<Response>();
  private server: Server | undefined;

  /** Installed first, so it sees every request. */
  readonly middleware = (_request: Request, response: Response, next: NextFunction): void => {
    this.inFlight.add(response);
    if (this.server) response.setHeader('Connection', 'close');
    response.once('finish', () => this.closeIdle());
    response.once('close', () => this.inFlight.delete(response));
    next();
  };

  /** Resolves true once every connection has ended, or false after `timeoutMs` with the rest closed by force. */
  async drain(server: Server, timeoutMs: number): Promise<boolean> {
    this.server = server;
    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
    for (const response of this.inFlight) {
      if (!response.headersSent) response.setHeader('Connection', 'close');
      else if (String(response.getHeader('content-type')).startsWith('text/event-stream')) response.end();
    }
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const drained = await Promise.race([closed, timedOut]);
    clearTimeout(timer);
    if (!drained) server.closeAllConnections();
    return drained;
  }

  /** A keep-alive socket whose last response went out while draining is closed as soon as it is idle. */
  private closeIdle(): void {
    const server = this.server;
    if (server) setImmediate(() => server.closeIdleConnections());
  }
}
