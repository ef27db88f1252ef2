#!/usr/bin/env node
// What a newcomer's `npm start` costs, from nothing: clones a commit into a
// temporary folder, runs `npm start` there with empty caches until the
// banner, stops it (Ctrl-C), and prints
//   - bytes downloaded: counted by a CONNECT proxy on 127.0.0.1 that every
//     download of the run goes through (corepack fetching pnpm, pnpm fetching
//     the tarballs: TLS bytes as received, so the tarballs plus TLS and HTTP
//     overhead), and the machine's network counters (/proc/net/dev,
//     every interface but lo) over the same time, as a cross-check that is
//     exact only on a quiet machine;
//   - node_modules: every node_modules folder of the clone, `du` on disk and
//     apparent, and its file count; the pnpm store the run filled, alike;
//   - seconds from the clone to the banner, with the time each line appeared;
//   - everything printed before the banner.
//
//   node scripts/measure-install.mjs [--ref <commit>] [--keep] [--json]
//
// The machine's own caches are never touched: the run gets its own
// COREPACK_HOME, npm cache, XDG cache/data/state/config homes (so a pnpm store)
// and an empty user .npmrc (a newcomer has none of this machine's), all
// under the temporary folder, which is removed afterwards (--keep leaves it).
// The gateway listens on a free port with its embedded Postgres in that
// folder; the Postgres and the copy of its binaries made for the postgres
// user (as root) are removed with the server's own code, as `pnpm reset`
// does. Uncommitted changes are not measured: commit first.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { removeEmbeddedData, stopProcessGroup, untilBanner } from './npm-start-process.mjs';

const { values: args } = parseArgs({
  options: {
    ref: { type: 'string', default: 'HEAD' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    timeout: { type: 'string', default: String(30 * 60) },
  },
});
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BANNER = /Support-credit gateway: http/;
// MiB as `du -m` and `du -sh` count them, and decimal MB beside.
const MB = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB (${(bytes / 1e6).toFixed(1)} MB)`;
// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

const commit = execFileSync('git', ['rev-parse', args.ref], { cwd: root, encoding: 'utf8' }).trim();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'credits-measure-install-'));
const repo = path.join(tmp, 'repo');
const home = (name) => {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

/** Bytes received on every interface but lo, machine-wide (null where /proc is missing). */
function netReceived() {
  try {
    return fs
      .readFileSync('/proc/net/dev', 'utf8')
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/[:\s]+/))
      .filter((f) => f.length > 2 && f[0] !== 'lo')
      .reduce((sum, f) => sum + Number(f[1]), 0);
  } catch {
    return null;
  }
}

/** A CONNECT-only proxy counting the bytes each way; plain-HTTP requests are refused and counted. */
function countingProxy() {
  const traffic = { received: 0, sent: 0, tunnels: 0, refused: 0, hosts: new Map() };
  const server = http.createServer((req, res) => {
    traffic.refused++;
    res.writeHead(502).end('measure-install: CONNECT only');
  });
  server.on('connect', (req, client, head) => {
    const url = new URL(`http://${req.url}`);
    traffic.tunnels++;
    const upstream = net.connect(Number(url.port) || 443, url.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      traffic.sent += head.length;
      upstream.on('data', (d) => {
        traffic.received += d.length;
        traffic.hosts.set(url.hostname, (traffic.hosts.get(url.hostname) ?? 0) + d.length);
      });
      client.on('data', (d) => (traffic.sent += d.length));
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, traffic, port: server.address().port })),
  );
}

/** `du` of some folders: on disk and apparent, in bytes, and their file count. */
function du(dirs) {
  if (!dirs.length) return { disk: 0, apparent: 0, files: 0 };
  const total = (flags) =>
    Number(
      execFileSync('du', ['-s', '-c', '-B1', ...flags, ...dirs], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .at(-1)
        .split('\t')[0],
    );
  const files = Number(
    execFileSync('sh', ['-c', 'find "$@" -type f | wc -l', 'sh', ...dirs], {
      encoding: 'utf8',
    }).trim(),
  );
  return { disk: total([]), apparent: total(['--apparent-size']), files };
}

/** Every node_modules folder of the clone, not those nested inside one. */
function nodeModulesDirs(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === '.git') continue;
    const p = path.join(dir, entry.name);
    if (entry.name === 'node_modules') found.push(p);
    else found.push(...nodeModulesDirs(p));
  }
  return found;
}

const inheritedProxy = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].find(
  (k) => process.env[k],
);
const proxy = inheritedProxy ? null : await countingProxy();
const proxyUrl = proxy && `http://127.0.0.1:${proxy.port}`;

const env = {
  ...process.env,
  COREPACK_HOME: home('corepack'),
  npm_config_cache: home('npm-cache'),
  npm_config_userconfig: path.join(home('user'), '.npmrc'),
  XDG_CACHE_HOME: home('xdg-cache'),
  XDG_DATA_HOME: home('xdg-data'),
  XDG_STATE_HOME: home('xdg-state'),
  XDG_CONFIG_HOME: home('xdg-config'),
  PORT: '0',
  HOST: '127.0.0.1',
  EMBEDDED_PG_DIR: path.join(tmp, 'data', 'postgres'),
  EMBEDDED_PG_PORT: String(54500 + Math.floor(Math.random() * 400)),
  MAIL_DIR: path.join(tmp, 'data', 'mail'),
  FORCE_COLOR: '0',
};
fs.writeFileSync(env.npm_config_userconfig, '');
// pnpm's store goes to its default under XDG_DATA_HOME (a store-dir given
// through npm_config_* would make npm warn about a key it does not know).
delete env.PNPM_HOME;
const storeDir = path.join(env.XDG_DATA_HOME, 'pnpm', 'store');
if (proxyUrl) {
  for (const k of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) env[k] = proxyUrl;
  env.npm_config_https_proxy = proxyUrl;
  env.npm_config_proxy = proxyUrl;
  env.NO_PROXY = env.no_proxy = '127.0.0.1,localhost';
}
// The newcomer's path: the embedded Postgres, no CI shortcuts.
for (const k of ['DATABASE_URL', 'DATABASE_DIRECT_URL', 'DATABASE_READ_URL', 'CI']) delete env[k];

const log = (...a) => {
  if (!args.json) console.error(...a);
};
log(`measure-install: ${commit.slice(0, 12)} into ${tmp}`);

const netBefore = netReceived();
const t0 = performance.now();
const at = () => (performance.now() - t0) / 1000;
execFileSync('git', ['clone', '--quiet', '--no-checkout', root, repo]);
execFileSync('git', ['-C', repo, 'checkout', '--quiet', '--detach', commit]);
const clonedAt = at();

log('measure-install: npm start (output captured)');
const child = spawn('npm', ['start'], {
  cwd: repo,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true, // its own process group: the Ctrl-C reaches the server behind npm
});
const lines = [];
let pending = '';
let bannerAt = null;
// Each line printed before the banner, with when it appeared.
const started = untilBanner(child, Number(args.timeout) * 1000, (text) => {
  pending += text;
  const parts = pending.split(/\r?\n|\r/);
  pending = parts.pop();
  for (const raw of parts) {
    if (bannerAt !== null) break;
    const line = stripAnsi(raw);
    if (BANNER.test(line)) bannerAt = at();
    else lines.push({ t: at(), text: line });
  }
  return bannerAt !== null;
});

let failure = null;
try {
  await started;
} catch (err) {
  failure = err.message;
}
const netAfter = netReceived();
await stopProcessGroup(child);
proxy?.server.close();

const modules = du(nodeModulesDirs(repo));
const store = du(fs.existsSync(storeDir) ? [storeDir] : []);
const corepack = du([env.COREPACK_HOME]);

try {
  // The server's own path logic removes its data and, as root, the binaries copy.
  await removeEmbeddedData(repo, env.EMBEDDED_PG_DIR, { binaries: true });
} finally {
  if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true });
}

const result = {
  commit,
  ok: failure === null,
  failure,
  downloaded: {
    proxyReceivedBytes: proxy?.traffic.received ?? null,
    proxyHosts: proxy ? Object.fromEntries(proxy.traffic.hosts) : null,
    proxyRefusedPlainHttp: proxy?.traffic.refused ?? null,
    machineReceivedBytes: netBefore !== null && netAfter !== null ? netAfter - netBefore : null,
    note: proxy ? null : `${inheritedProxy} is set: no counting proxy, only the machine's counters`,
  },
  nodeModules: modules,
  pnpmStore: store,
  corepackHome: corepack,
  seconds: { clone: clonedAt, toBanner: bannerAt },
  beforeBanner: lines,
  kept: args.keep ? tmp : null,
};

// Where the time went, from the first line of each step (pnpm's "Done in"
// ends the install; the server's first log line ends the build).
const firstAt = (re) => lines.find((l) => re.test(l.text))?.t;
const installed = firstAt(/^Done in /);
const serverUp = firstAt(/^\{"level":/);
const phases =
  installed !== undefined && serverUp !== undefined && bannerAt !== null
    ? ` (install ${(installed - clonedAt).toFixed(1)}, build ${(serverUp - installed).toFixed(1)}, server start ${(bannerAt - serverUp).toFixed(1)})`
    : '';
result.seconds.phases = phases ? { installed, serverUp } : null;

if (args.json) console.log(JSON.stringify(result, null, 2));
else {
  const d = result.downloaded;
  const out = [
    '',
    `commit ${commit}${failure ? `: FAILED (${failure})` : ''}`,
    'downloaded:',
    d.proxyReceivedBytes !== null
      ? `  ${MB(d.proxyReceivedBytes)} through the run's proxy (${[...proxy.traffic.hosts.keys()].length} host(s), ${proxy.traffic.tunnels} connections${d.proxyRefusedPlainHttp ? `, ${d.proxyRefusedPlainHttp} plain-HTTP requests refused` : ''})`
      : `  (no counting proxy: ${d.note})`,
    d.machineReceivedBytes !== null
      ? `  ${MB(d.machineReceivedBytes)} received by the whole machine meanwhile (/proc/net/dev; other traffic included)`
      : '  (no /proc/net/dev)',
    `node_modules: ${MB(modules.disk)} on disk, ${MB(modules.apparent)} apparent, ${modules.files} files`,
    `pnpm store:   ${MB(store.disk)} on disk, ${MB(store.apparent)} apparent, ${store.files} files`,
    `corepack:     ${MB(corepack.disk)} on disk`,
    `seconds: clone ${clonedAt.toFixed(1)}, clone -> banner ${bannerAt === null ? '-' : bannerAt.toFixed(1)}${phases}`,
    `printed before the banner (${lines.length} lines; seconds since the clone began):`,
    ...lines.map((l) => `  [${l.t.toFixed(1).padStart(6)}] ${l.text}`),
  ];
  if (args.keep) out.push(`kept: ${tmp}`);
  console.log(out.join('\n'));
}
process.exit(failure ? 1 : 0);
