import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** GETs `url` from the app and expects a 200 (the failure names the URL and shows the body's start). */
export async function getOk(app: FastifyInstance, url: string): Promise<LightMyRequestResponse> {
  const res = await app.inject(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res;
}

/** GETs `url` from the app, expects a 200, and gives the JSON body. */
export async function getJson<T>(app: FastifyInstance, url: string): Promise<T> {
  return (await getOk(app, url)).json<T>();
}
