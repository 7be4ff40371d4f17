import { isIP } from 'node:net';
import path from 'node:path';

/** Runtime configuration, parsed once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  demo: boolean;
  demoPassword: string | null;
  adminPassword: string | null;
  secureCookies: boolean;
  logLevel: string;
  /** TAIZHANG_SECRET_KEY: 32 bytes (base64 or hex) that encrypt robot addresses and secrets at rest. */
  secretKey: Buffer | null;
  /** TAIZHANG_PUBLIC_URL: how people reach Taizhang, for links in robot messages. */
  publicUrl: string;
  /** TAIZHANG_MESSAGE_DAYS: how long 站内消息 are kept. */
  messageDays: number;
  /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed; none by default. */
  trustedProxies: string[];
}

export class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT="${raw}" 不是有效端口：请设为 1–65535 之间的整数，例如 PORT=3000`);
  }
  return port;
}

function parseDatabaseUrl(raw: string | undefined, dataDir: string): string {
  if (!raw) return path.join(dataDir, 'taizhang.sqlite');
  if (/^postgres(ql)?:\/\//.test(raw) || raw.startsWith('sqlite:') || !raw.includes('://')) return raw;
  throw new ConfigError(
    `DATABASE_URL="${raw}" 无法识别：请使用 SQLite 文件路径（如 ./data/taizhang.sqlite 或 sqlite:./data/x.sqlite）或 postgres://user@host:5432/db`,
  );
}

function parseSecretKey(raw: string | undefined): Buffer | null {
  if (!raw) return null;
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new ConfigError(
      'TAIZHANG_SECRET_KEY 须为 32 字节：64 位十六进制或 base64，例如 `openssl rand -base64 32` 的输出',
    );
  return key;
}

function parseMessageDays(raw: string | undefined): number {
  if (!raw) return 180;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new ConfigError(`TAIZHANG_MESSAGE_DAYS="${raw}" 无效：请设为 1–3650 之间的天数，例如 180`);
  return days;
}

function parseProxies(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of list) {
    const [address, bits, extra] = entry.split('/');
    const ok =
      extra === undefined &&
      (isIP(address) !== 0 || address === 'loopback') &&
      (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 6 ? 128 : 32)));
    if (!ok)
      throw new ConfigError(
        `TAIZHANG_TRUSTED_PROXIES 中的“${entry}”不是地址或网段：请用逗号分隔的 IP 或 CIDR，例如 TAIZHANG_TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8`,
      );
  }
  return list;
}

/** Reads the environment; throws ConfigError naming the variable and the fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.TAIZHANG_DATA_DIR || './data');
  const demo = env.TAIZHANG_DEMO === '1' || env.TAIZHANG_DEMO === 'true';
  const adminPassword = env.TAIZHANG_ADMIN_PASSWORD || null;
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('TAIZHANG_ADMIN_PASSWORD 太短：至少 8 个字符');
  }
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL, dataDir),
    demo,
    demoPassword: env.TAIZHANG_DEMO_PASSWORD || null,
    adminPassword,
    secureCookies: env.TAIZHANG_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL || 'info',
    secretKey: parseSecretKey(env.TAIZHANG_SECRET_KEY),
    publicUrl: (env.TAIZHANG_PUBLIC_URL || `http://localhost:${parsePort(env.PORT)}`).replace(/\/+$/, ''),
    messageDays: parseMessageDays(env.TAIZHANG_MESSAGE_DAYS),
    trustedProxies: parseProxies(env.TAIZHANG_TRUSTED_PROXIES),
  };
}
