import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { ROOT } from './cli.ts';

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  base: string;
  /** Everything the server logged so far. */
  log(): string;
  /** Whether the process has exited (and with what), or null while it runs. */
  exitCode(): number | null | undefined;
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /**
   * Keep what the server logs after it listens (default). Load runs log one line per request and
   * say false: the log is then read (so the server never blocks on a full pipe) and dropped.
   */
  keepLog?: boolean;
  /** Options for node itself, before the script (e.g. --cpu-prof). */
  nodeOptions?: string[];
}

/** The production server (server/main.ts) in a process of its own, on a free port of 127.0.0.1. */
export async function startServerProcess(dbPath: string, env: NodeJS.ProcessEnv = {}, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), '--import', 'tsx', 'server/main.ts', '--port', '0', '--db', dbPath, '--no-ingest'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';
  let listening = false;
  let exit: number | null | undefined;
  const append = (d: Buffer) => {
    if (!listening || options.keepLog !== false) log += d.toString();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<void>((resolve) => child.on('exit', (code) => ((exit = code), resolve())));
  const port = await new Promise<number>((resolve, reject) => {
    const check = () => {
      const m = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m && !listening) {
        listening = true;
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`server exited (${exit}): ${log}`)));
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    log: () => log,
    exitCode: () => exit,
    async stop() {
      if (exit === undefined) child.kill('SIGTERM');
      await exited;
    },
  };
}
