import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  createServer,
  request as upstreamRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import path from 'node:path';
import { DASHBOARD_UPSTREAMS, type DashboardConfig, type DashboardUpstream } from './dashboard.config.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// The page loads nothing but its own files and talks only to its own origin (the services behind /api/).
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

// Headers of one connection rather than of the message (RFC 9110 §7.6.1): never forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
]);

const API_PATH = new RegExp(`^/api/(${DASHBOARD_UPSTREAMS.join('|')})(/.*)$`);

const endToEnd = (headers: IncomingHttpHeaders): IncomingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

/**
 * Forwards a request to a service as it is (key, body, query) and streams the answer back, server-sent events
 * included; the browser then sees one origin and needs no CORS. A client that goes away ends the upstream request.
 */
const forward = (target: URL, req: IncomingMessage, res: ServerResponse): void => {
  const upstream = upstreamRequest(target, { method: req.method, headers: endToEnd(req.headers) }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (res.headersSent) res.destroy();
    else sendJson(res, 502, { statusCode: 502, code: 'DASHBOARD.UPSTREAM_UNREACHABLE', message: target.origin });
  });
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
};

/** A file of the built app; `/` is the page. Hashed assets are cached for good, the page never. */
const serveFile = async (webRoot: string, pathname: string, req: IncomingMessage, res: ServerResponse) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendJson(res, 405, { statusCode: 405, code: 'DASHBOARD.METHOD_NOT_ALLOWED', message: req.method });
  }
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).slice(1);
  const file = path.resolve(webRoot, relative);
  const notFound = () => sendJson(res, 404, { statusCode: 404, code: 'DASHBOARD.NOT_FOUND', message: pathname });
  if (!file.startsWith(webRoot + path.sep)) return notFound();
  const stats = await stat(file).catch(() => undefined);
  if (!stats?.isFile()) return notFound();
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': stats.size,
    'cache-control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
};

/** The dashboard's origin: the built web app, `/health`, and `/api/<service>/…` forwarded to each service. */
export const createDashboardServer = (config: DashboardConfig): Server => {
  const webRoot = path.resolve(config.webRoot);
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    const api = API_PATH.exec(url.pathname);
    if (api) {
      const service = api[1] as DashboardUpstream;
      return forward(new URL(`${api[2]}${url.search}`, config.upstreams[service]), req, res);
    }
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    serveFile(webRoot, url.pathname, req, res).catch(() => res.destroy());
  });
};
