import fs from 'node:fs';
import path from 'node:path';
import view from '@fastify/view';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import Handlebars from 'handlebars';
import { ROOT } from '../config.ts';
import { registerHelpers } from './view-helpers.ts';

export const VIEWS_DIR = path.join(ROOT, 'views');

/** Every file in views/_partials is a partial, named after the file: `{{> result-item}}`. */
function partials(): Record<string, string> {
  const dir = path.join(VIEWS_DIR, '_partials');
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.hbs')) out[f.slice(0, -4)] = path.join('_partials', f);
  return out;
}

/**
 * Handlebars with one layout; page templates are named after their routes. A private Handlebars
 * instance keeps our helpers out of the global one. `{{…}}` escapes; the only triple-stash
 * (`{{{…}}}`) output is HTML the search highlighter already escaped.
 *
 * `reply.view` renders a page inside the layout. `reply.fragment` renders a template on its own,
 * for HTML that scripts put into a page (search results while typing); @fastify/view cannot
 * switch a global layout off per render, so it is a second instance with no layout.
 */
async function views(fastify: FastifyInstance): Promise<void> {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  // Every helper is known when templates compile: a `{{name}}` then compiles to a property read
  // (not a helper lookup with a missing-helper fallback), and a helper call to a direct call.
  // A mistyped helper fails at compile time instead of rendering as a missing one.
  const compileOptions = { knownHelpers: Object.fromEntries(Object.keys(handlebars.helpers).map((name) => [name, true])), knownHelpersOnly: true };
  const common = {
    engine: { handlebars },
    root: VIEWS_DIR,
    viewExt: 'hbs',
    production: process.env.NODE_ENV !== 'development',
    options: { partials: partials(), compileOptions },
    defaultContext: { siteName: 'NvI Kennisbank' },
  };
  await fastify.register(view, { ...common, layout: 'layout.hbs' });
  await fastify.register(view, { ...common, propertyName: 'fragment' });
}

export default fp(views, { name: 'views' });

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a template without the layout (see above). */
    fragment(page: string, data?: object): FastifyReply;
  }
}
