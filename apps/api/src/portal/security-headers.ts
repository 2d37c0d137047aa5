import type { FastifyReply } from 'fastify';

/**
 * What a browser needs told about the portal's pages: scripts, styles and connections from this
 * origin only (no inline script anywhere, so the policy can be strict), no framing, no sniffing.
 * The API's JSON answers need none of it, and Swagger UI at /docs could not run under it.
 */
const PORTAL_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const withPortalHeaders = (reply: FastifyReply): FastifyReply => reply.headers(PORTAL_HEADERS);

/**
 * A page no one may keep: a form with a one-time key, a receipt with a secret shown once, a
 * follow page whose reply forms carry that secret.
 */
export const sendUncachedPage = (reply: FastifyReply, status: number, body: string): FastifyReply =>
  withPortalHeaders(reply).status(status).header('Cache-Control', 'no-store').header('Content-Type', 'text/html; charset=utf-8').send(body);
