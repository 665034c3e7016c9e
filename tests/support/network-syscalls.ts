// Reads `strace -f -e trace=network` output and lists every attempt to reach an address that is not
// on this machine. Local: AF_UNIX/AF_LOCAL sockets (paths, abstract names), AF_NETLINK (the kernel),
// 127.0.0.0/8, ::1 and ::ffff:127.x. Anything else connected to or sent to is listed, with its kind:
// - 'send': a datagram or message addressed to another machine (a DNS query included);
// - 'connect': a stream connect (TCP), or a datagram socket that was then used;
// - 'route-probe': a datagram (UDP) socket connected and only asked for its local address before it
//   is dropped. connect() on a UDP socket sends nothing; the kernel only picks a route. Chromium's
//   host resolver does this to learn whether IPv6 works (to 2001:4860:4860::8888).
export interface Leak {
  line: string;
  family: string;
  address: string;
  kind: 'send' | 'connect' | 'route-probe';
}

interface Call {
  tid: string;
  name: string;
  text: string;
}

/** Joins strace's "<unfinished ...>" and "<... name resumed>" halves into one call per line. */
function calls(log: string): Call[] {
  const pending = new Map<string, string>();
  const out: Call[] = [];
  for (const raw of log.split('\n')) {
    const m = /^(\d+)\s+(.*)$/.exec(raw.trim());
    if (!m) continue;
    const [, tid, rest] = m as unknown as [string, string, string];
    if (rest.endsWith('<unfinished ...>')) {
      pending.set(tid, rest.slice(0, -'<unfinished ...>'.length));
      continue;
    }
    const resumed = /^<\.\.\. (\w+) resumed>(.*)$/.exec(rest);
    const text = resumed ? `${pending.get(tid) ?? `${resumed[1]}(`}${resumed[2]}` : rest;
    if (resumed) pending.delete(tid);
    const name = /^(\w+)\(/.exec(text)?.[1];
    if (name) out.push({ tid, name, text });
  }
  return out;
}

function isLoopback(family: string, address: string): boolean {
  if (family === 'AF_INET') return /^127\./.test(address);
  if (family === 'AF_INET6') return address === '::1' || /^::ffff:127\./i.test(address);
  return false;
}

function destination(text: string): { family: string; address: string } | null {
  for (const m of text.matchAll(/sa_family=(AF_[A-Z0-9]+)/g)) {
    const family = m[1]!;
    if (family === 'AF_UNIX' || family === 'AF_LOCAL' || family === 'AF_NETLINK' || family === 'AF_UNSPEC') continue;
    const rest = text.slice(m.index);
    const address =
      family === 'AF_INET'
        ? (/inet_addr\("([^"]+)"\)/.exec(rest)?.[1] ?? '?')
        : family === 'AF_INET6'
          ? (/inet_pton\(AF_INET6, "([^"]+)"/.exec(rest)?.[1] ?? '?')
          : '?';
    if (!isLoopback(family, address)) return { family, address };
  }
  return null;
}

export function findLeaks(log: string): Leak[] {
  const all = calls(log);
  const leaks: Leak[] = [];
  all.forEach((call, i) => {
    if (!['connect', 'sendto', 'sendmsg', 'sendmmsg'].includes(call.name)) return;
    // A call on an already connected socket names no address: its connect() was checked.
    const dest = destination(call.text);
    if (!dest) return;
    const leak = { line: `${call.tid} ${call.text}`, ...dest };
    if (call.name !== 'connect') {
      leaks.push({ ...leak, kind: 'send' });
      return;
    }
    const fd = /^connect\((\d+),/.exec(call.text)?.[1];
    const before = all.slice(0, i).filter((c) => c.tid === call.tid);
    const created = [...before].reverse().find((c) => c.name === 'socket' && new RegExp(`= ${fd}$`).test(c.text.trim()));
    const after = all.slice(i + 1).filter((c) => c.tid === call.tid && new RegExp(`^\\w+\\(${fd}[,)]`).test(c.text));
    const udp = created !== undefined && /SOCK_DGRAM/.test(created.text);
    // Its next use asks for the local address, not a send (the number may be reused much later).
    const onlyAsked = after[0]?.name === 'getsockname';
    leaks.push({ ...leak, kind: udp && onlyAsked ? 'route-probe' : 'connect' });
  });
  return leaks;
}

/** Counts of the calls seen, so a test can show the trace really covered the processes it meant to. */
export function summarise(log: string): { lines: number; pids: number; connects: number; local: number } {
  const lines = log.split('\n').filter(Boolean);
  const pids = new Set(lines.map((l) => l.split(' ', 1)[0]));
  const connects = lines.filter((l) => /\bconnect\(/.test(l)).length;
  const local = lines.filter((l) => /sa_family=AF_(UNIX|LOCAL)/.test(l) || /inet_addr\("127\./.test(l)).length;
  return { lines: lines.length, pids: pids.size, connects, local };
}
