import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';

/**
 * How much of a refused body is read and thrown away before the answer goes out: 16 MiB
 * (docs/api.md, Validation and limits). Past it the answer is sent and the connection closed
 * at once, as Node does by default, so a huge body cannot hold the server.
 */
export const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

/**
 * An answer given before the body has arrived (a 413 over the body limit) is held until the
 * client has sent the rest, which is read and discarded. Fastify closes such a connection after
 * answering; closed with bytes still coming, it is reset, and a client that reads only once it
 * has sent everything (Node's fetch) sees EPIPE instead of the 413.
 */
export function answerOnceBodyIsSent(fastify: FastifyInstance): void {
  // A callback hook, not an async one: it runs for every answer, and almost every answer has
  // its body read already, so it should cost no promise.
  fastify.addHook('onSend', (request, _reply, payload, done) => {
    if (!isStillArriving(request.raw)) return done(null, payload);
    void discardRest(request.raw, MAX_DISCARDED_BYTES).then(() => done(null, payload));
  });
}

/**
 * A body announced and not yet read to its end. `complete` alone is not enough: a request
 * injected in tests never sets it, and waiting for the end of a body already read would hang.
 */
function isStillArriving(body: IncomingMessage): boolean {
  const announced = body.headers['transfer-encoding'] !== undefined || Number(body.headers['content-length'] ?? 0) > 0;
  return announced && !body.complete && !body.readableEnded && !body.destroyed;
}

/** Resolves when the body has ended, failed, or gone past `bound`; nothing of it is kept. */
function discardRest(body: IncomingMessage, bound: number): Promise<void> {
  if (Number(body.headers['content-length'] ?? 0) > bound) return Promise.resolve();
  return new Promise((resolve) => {
    let discarded = 0;
    const stop = () => {
      body.off('data', count).off('end', stop).off('error', stop).off('close', stop);
      resolve();
    };
    const count = (chunk: Buffer | string) => {
      discarded += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (discarded > bound) stop();
    };
    body.on('data', count).once('end', stop).once('error', stop).once('close', stop);
    body.resume();
  });
}
