// Sourcemark makes no network connection at all. A real server process (the same bundle as `npm run
// web`) runs under `strace -f -e trace=network`, so every process it starts is watched too — the
// import workers and the Chromium that prints PDFs, with all of Chromium's own helper processes. The
// analyst's day is played over HTTP: import by path (a page that names remote images and styles, a
// PDF), reading, quoting, searching, two PDF exports and the download; then the library is closed.
// Every connect/sendto/sendmsg must stay on this machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumExecutable, headlessChromiumArgs, offlineChromiumSwitches } from '../../../main/platform/chromium';
import { findLeaks, summarise } from '../../support/network-syscalls';
import { childPids, removeServerBundle, spawnServer } from '../../support/server-process';

const hasStrace = (() => {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const skipReason = !hasStrace ? 'strace is not installed (apt-get install strace)' : !chromiumExecutable() ? 'no system Chromium to export PDFs with' : null;
if (skipReason) console.warn(`no-network test skipped: ${skipReason}`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-offline-'));
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  removeServerBundle();
});

async function pdfFixture(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setTitle('Harbour survey');
  const page = doc.addPage();
  page.drawText('Harbour survey. The eastern pier was repaired in March.', { x: 50, y: 700, size: 12, font });
  return doc.save();
}

describe('no packet leaves the machine', () => {
  it('findLeaks tells a resolver query, a remote connect and a route probe from local sockets', () => {
    const sample = [
      '101 connect(3, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 110) = -1 ENOENT',
      '101 connect(4, {sa_family=AF_INET, sin_port=htons(5210), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
      '101 connect(5, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
      '101 sendmsg(6, {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, msg_namelen=12}, 0) = 20',
      '102 socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_IP) = 7',
      '102 connect(7, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16) = 0',
      '102 sendto(7, "...", 40, 0, NULL, 0) = 40',
      '102 sendto(8, "...", 40, MSG_NOSIGNAL, {sa_family=AF_INET6, sin6_port=htons(443), inet_pton(AF_INET6, "2a00:1450::1", &sin6_addr)}, 28) = 40',
      '103 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 9',
      '103 connect(9, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.1.1")}, 16 <unfinished ...>',
      '103 <... connect resumed>) = -1 EINPROGRESS',
      '104 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP <unfinished ...>',
      '104 <... socket resumed>) = 20',
      '104 connect(20, {sa_family=AF_INET6, sin6_port=htons(443), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0',
      '104 getsockname(20, {sa_family=AF_INET6, sin6_port=htons(45621), inet_pton(AF_INET6, "fd00::2", &sin6_addr)}, [28]) = 0',
    ].join('\n');
    expect(findLeaks(sample).map((l) => `${l.kind} ${l.family} ${l.address}`)).toEqual([
      'connect AF_INET 8.8.8.8',
      'send AF_INET6 2a00:1450::1',
      'connect AF_INET 142.250.1.1',
      'route-probe AF_INET6 2001:4860:4860::8888',
    ]);
  });

  it('every host maps to a name no URL can hold, in the renderer and in the desktop app', () => {
    const rule = headlessChromiumArgs.find((a) => a.startsWith('--host-resolver-rules='))!.slice('--host-resolver-rules='.length);
    const target = /^MAP \* (\S+)$/.exec(rule)?.[1];
    // Chromium rejects a rewritten URL that is not valid before its resolver (and its route probe) runs.
    expect(() => new URL(`http://${target}/`)).toThrow();
    expect(new Map(offlineChromiumSwitches)).toEqual(
      new Map([
        ['host-resolver-rules', rule],
        ['proxy-server', 'http://127.0.0.1:9'],
        ['proxy-bypass-list', '<-loopback>'],
      ]),
    );
  });

  it.skipIf(skipReason !== null)(
    'import, reading, search and PDF export: zero non-loopback connect/sendto in the whole process tree',
    async () => {
      const dataDir = path.join(tmp, 'data');
      const inbox = path.join(tmp, 'inbox');
      fs.mkdirSync(inbox, { recursive: true });
      fs.writeFileSync(path.join(inbox, 'convoy.txt'), 'Convoy report\n\nThe convoy reached the northern district on Monday.');
      fs.writeFileSync(
        path.join(inbox, 'page.html'),
        `<html><head><title>Port notice</title><link rel="stylesheet" href="https://cdn.example.net/site.css">
        <script src="https://tracker.example.com/t.js"></script></head><body><article>
        <p>The port authority said the southern terminal would reopen next week after repairs.</p>
        <img src="https://images.example.org/terminal.jpg" alt="terminal"><iframe src="https://ads.example.com/"></iframe>
        <p>Shipping agents expect delays of two days for container traffic in the meantime.</p></article></body></html>`,
      );
      fs.writeFileSync(path.join(inbox, 'survey.pdf'), await pdfFixture());
      const log = path.join(tmp, 'strace.log');
      const server = await spawnServer({
        dataDir,
        args: ['--import-dir', inbox],
        prefix: ['strace', '-f', '-qq', '-s', '256', '-e', 'trace=network,execve,clone,clone3,fork,vfork', '-o', log, '--'],
      });
      const ok = async (method: string, input: unknown) => {
        const { status, result } = await server.call(method, input);
        expect(status, method).toBe(200);
        if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
        return result.value as never;
      };
      try {
        const imported = await ok('importPaths', { paths: [inbox] }) as { ok: boolean; fileName: string; error?: { message: string } }[];
        expect(imported.map((r) => (r.ok ? 'imported' : r.error!.message))).toEqual(['imported', 'imported', 'imported']);
        const list = await ok('listSources', {}) as { items: { id: number; title: string }[] };
        for (const s of list.items) await ok('getSource', { id: s.id });
        const convoy = list.items.find((s) => s.title === 'Convoy report')!;
        const body = (await ok('getSource', { id: convoy.id }) as { body: string }).body;
        const start = body.indexOf('reached the northern district');
        const quote = await ok('createQuote', { sourceId: convoy.id, start, end: start + 'reached the northern district'.length }) as { id: number };
        await ok('search', { query: 'terminal' });
        await ok('search', { query: 'northern district' });
        const brief = await ok('createBrief', { title: 'Northern movements' }) as { id: number };
        const claim = await ok('addClaim', { briefId: brief.id, text: 'The convoy is in the north.' }) as { id: number };
        await ok('addCitation', { claimId: claim.id, quoteId: quote.id });
        const first = await ok('exportBrief', { briefId: brief.id, format: 'pdf' }) as { download: string };
        expect((await fetch(`${server.baseURL}${first.download}`)).status).toBe(200);
        // Chromium's background services wake up some seconds after launch: keep the analyst busy a while
        // (reading and searching while the printing browser stays up), then print again.
        const until = Date.now() + 8_000;
        while (Date.now() < until) {
          await ok('search', { query: 'convoy' });
          await ok('listBriefs', {});
          await ok('getBrief', { id: brief.id });
        }
        await ok('exportBrief', { briefId: brief.id, format: 'pdf' });
      } finally {
        // strace's child is the server: end it gracefully so it closes Chromium and the library.
        for (const pid of childPids(server.child.pid!)) process.kill(pid, 'SIGTERM');
        await server.exited;
      }
      const trace = fs.readFileSync(log, 'utf8');
      const seen = summarise(trace);
      // The trace covered the server, its workers and Chromium's processes, and saw the local traffic.
      expect(seen.pids).toBeGreaterThan(5);
      expect(seen.local).toBeGreaterThan(0);
      const leaks = findLeaks(trace);
      // Kept for a person to read when the test fails: which process (execve lines) sent what.
      fs.copyFileSync(log, path.join(os.tmpdir(), 'sourcemark-no-network-strace.log'));
      // Each Chromium that printed: its browser process is exec'd by path (its helpers fork from it).
      const browsers = trace.split('\n').filter((l) => /\bexecve\("[^"]*chromium[^"]*"/.test(l) && !/--type=/.test(l) && /= 0$/.test(l.trim())).length;
      console.log(
        `no-network: ${seen.lines} network calls from ${seen.pids} processes/threads, ${seen.connects} connects, ${browsers} Chromium launch(es); ` +
          `${leaks.length} connects or sends to an address off this machine`,
      );
      expect(browsers).toBeGreaterThan(0);
      // Nothing is addressed anywhere but this machine: no DNS query, no TCP connection, no datagram, and
      // not even a UDP connect() that only asks the kernel for a route (Chromium's IPv6 reachability
      // check, which the host-resolver rules now keep from starting).
      expect(leaks.map((l) => `${l.kind}: ${l.line}`)).toEqual([]);
    },
    240_000,
  );
});
