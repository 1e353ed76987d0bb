// Entry of the index worker thread: registers the TypeScript loader itself (the worker starts with
// no execArgv, so it works the same under `tsx`, vitest, or a compiled build).
const { register } = await import('tsx/esm/api');
register();
await import('./index-worker.ts');
