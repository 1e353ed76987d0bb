import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Security headers and the rate limiter. The CSP allows no inline script or style and nothing
 * from other origins. `upgrade-insecure-requests` is left out: on plain HTTP (local use, or TLS
 * ended at a proxy that forwards HTTP) it would send the browser to an https:// that isn't there.
 */
async function security(fastify: FastifyInstance): Promise<void> {
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The source PDFs open in the browser's own viewer, in a new tab: no cross-origin isolation needed.
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  // Only routes that opt in (exports) are limited; searching and reading are cheap.
  await fastify.register(rateLimit, { global: false });
}

export default fp(security, { name: 'security' });
