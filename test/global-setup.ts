import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeFixtureDatabase } from './helpers/fixture-db.ts';

/** Ingests the bundled fixture once per test run; tests copy the resulting database. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-testdb-'));
  const dbPath = path.join(dir, 'nvi.db');
  await writeFixtureDatabase(dbPath);
  project.provide('testDbPath', dbPath);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
