/**
 * The server under test runs as its own process — the real server as `npm start` runs it (precompiled
 * JavaScript), migrations and start-up work included — so the RSS the benchmark reports is the server's alone,
 * not the load generator's.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'dist/server-js/src/server/main.js');
let built = false;

/** Compiles the server as `npm run build:server` does, once per benchmark (type stripping costs memory at run). */
function buildServer() {
  if (built) return;
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
  });
  built = true;
}
/** The honest limit (scripts/bench/limit/server.ts), a process of its own like the server under test. */
export const LIMIT_MAIN = path.resolve(import.meta.dirname, 'limit/server.ts');

export interface ServerProcess {
  pid: number;
  base: string;
  /** Seconds from spawn until /api/v1/health answered (migrations and start-up rebuilds included). */
  startSeconds: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the server (or `main`) on a free loopback port against `databaseUrl` and waits until it answers. */
export async function startServer(
  databaseUrl: string,
  dataDir: string,
  main = MAIN,
  startTimeoutMs = 15 * 60_000,
): Promise<ServerProcess> {
  if (main === MAIN) buildServer();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    TAIZHANG_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  for (const name of ['TAIZHANG_DEMO', 'TAIZHANG_ADMIN_PASSWORD', 'TAIZHANG_TODAY']) delete env[name];
  const t0 = performance.now();
  // stdout stays the benchmark's own (the table); the server's log lines go to stderr.
  const flags =
    main === MAIN
      ? [
          ...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean),
          ...(process.env.BENCH_SERVER_PROFILE
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`]
            : []),
        ]
      : [];
  const child = spawn(process.execPath, [...flags, main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(process.stderr);
  child.stderr.pipe(process.stderr);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    const exit = await Promise.race([exited, new Promise<'wait'>((resolve) => setTimeout(() => resolve('wait'), 100))]);
    if (exit !== 'wait') throw new Error(`被测服务启动失败（退出码 ${exit}）`);
    const ok = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`被测服务 ${startTimeoutMs / 1000} 秒内未就绪`);
    }
  }
  return {
    pid: child.pid!,
    base,
    startSeconds: (performance.now() - t0) / 1000,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The server's resident memory now (VmRSS, MB). */
export const rssMb = (pid: number) => statusField(pid, 'VmRSS') ?? 0;

function statusField(pid: number, field: string): number | null {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return m ? Number(m[1]) / 1024 : null;
}

/**
 * Runs `work` and reports the server's peak RSS (MB) meanwhile: the kernel's high-water mark (VmHWM, reset
 * through /proc/<pid>/clear_refs when allowed) together with VmRSS sampled every 50 ms.
 */
export async function peakRssDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let hwm = true;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    hwm = false;
  }
  let peak = statusField(pid, 'VmRSS') ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, statusField(pid, 'VmRSS') ?? 0);
  }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, statusField(pid, 'VmRSS') ?? 0, hwm ? (statusField(pid, 'VmHWM') ?? 0) : 0);
    return { result, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}

let ticksPerSecond: number | undefined;

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ")" + 2: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}
