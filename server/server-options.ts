import { AccessLog } from './access-log.ts';
import type { Config, TrustProxy } from './config.ts';

/** Fastify instance options that belong to running a server, not to the app. */
export function serverOptions(config: Config) {
  return {
    logger: { level: config.logLevel },
    trustProxy: trustProxyOption(config.trustProxy),
    // A request must arrive whole within this time, and an idle socket is closed after twice it:
    // slow or stalled clients cannot hold connections open.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs * 2,
    keepAliveTimeout: 5_000,
    // No route takes a body; anything sent is refused early.
    bodyLimit: 16 * 1024,
    routerOptions: { maxParamLength: 300 },
    // On shutdown, a request already sent on a kept-alive connection gets an answer (503 with
    // Connection: close, so the client retries elsewhere) rather than a reset; idle sockets end
    // at keepAliveTimeout.
    return503OnClosing: true,
    forceCloseConnections: false,
    logController: new AccessLog(),
  };
}

/**
 * Fastify's trustProxy for the configured proxies. A hop count becomes the function Fastify
 * itself makes of a number (its types take no number): the first `hops` addresses, counted from
 * the socket, are proxies, so the client is the entry the outermost proxy appended, not one the
 * client wrote into X-Forwarded-For itself.
 */
export function trustProxyOption(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address: string, hop: number) => hop < trust;
}
