// Which Chromium renders PDFs and runs the browser tests. The system Chromium where there is one
// (Debian's /usr/bin/chromium, or SOURCEMARK_CHROMIUM), else Playwright's own bundled browser.
import fs from 'node:fs';

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.SOURCEMARK_CHROMIUM;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The Chromium binary itself. Debian's /usr/bin/chromium is a shell script that adds
 * --enable-remote-extensions (extension update checks) and exports Google API keys before starting
 * /usr/lib/chromium/chromium; a renderer that must stay off the network starts the binary directly.
 */
export function chromiumBinary(): string | undefined {
  const exe = chromiumExecutable();
  if (!exe || process.env.SOURCEMARK_CHROMIUM) return exe;
  const real = '/usr/lib/chromium/chromium';
  try {
    const fd = fs.openSync(exe, 'r');
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 0);
    fs.closeSync(fd);
    if (head.toString('latin1') === '#!' && fs.existsSync(real)) return real;
  } catch {
    // Unreadable: use it as it is.
  }
  return exe;
}

/** Environment for that Chromium: no Google API keys or client ids, so no Google service is configured. */
export function offlineChromiumEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !/^GOOGLE_(API_KEY|DEFAULT_CLIENT_ID|DEFAULT_CLIENT_SECRET)/.test(key)) clean[key] = value;
  }
  return clean;
}

/**
 * Chromium features that talk to the network on their own. --disable-background-networking does not
 * stop them all: under strace a headless Chromium printing a local file still resolved
 * update.googleapis.com and accounts.google.com and probed IPv6 reachability by a UDP connect to a
 * public resolver. Names in this list that a given Chromium does not know are ignored by it. Chromium keeps only the last --disable-features it is given, so this list also
 * carries the ones Playwright sets (first line) that its own flag would otherwise lose.
 */
const disabledChromiumFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'AimEnabled', 'PreconnectToSearch',
  // Name resolution of its own (reads resolv.conf, sends UDP to the resolver) and DNS over HTTPS probes.
  'AsyncDns', 'DnsOverHttps', 'UseDnsHttpsSvcb',
  // Google services: hints and models, time, translation, casting, autofill, certificate lists, metrics.
  'OptimizationHints', 'OptimizationHintsFetching', 'OptimizationGuideModelDownloading', 'OptimizationTargetPrediction',
  'OptimizationGuideManifestBroker', 'OptimizationGuideModelExecution', 'OptimizationGuideOnDeviceModel',
  'NetworkTimeServiceQuerying', 'Translate', 'DialMediaRouteProvider', 'GlobalMediaControls', 'AutofillServerCommunication',
  'CertificateTransparencyComponentUpdater', 'InterestFeedContentSuggestions', 'MetricsReporting', 'PrivacySandboxSettings4',
  'SafeBrowsingEnhancedProtectionMessageInInterstitials', 'SegmentationPlatform', 'UkmReporting', 'WebRtcHideLocalIpsWithMdns',
];

/** Loopback, on the discard port that Chromium never connects to (ERR_UNSAFE_PORT). */
export const refusedLoopbackUrl = 'http://127.0.0.1:9/';

/**
 * Flags for a headless Chromium that must not reach the network or need a GPU or a sandbox. Independent
 * locks, so that one feature slipping past another still finds the door shut: every host name and IP
 * literal resolves to nothing (without asking the system or probing a route), every request goes to a
 * proxy that refuses (port 9 on loopback), the features that phone home are off, and DNS prefetch and
 * QUIC are off.
 */
export const headlessChromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // Every host, IP literals included, maps to a name no URL can hold ("^" is not allowed in a host), so
  // the resolver refuses each request before it starts. With "~NOTFOUND" (a valid URL host) each
  // request still reached Chromium's resolver, which asks the kernel for a route to 2001:4860:4860::8888
  // (its IPv6 reachability check: a UDP connect() to a public address) before every resolution, even of
  // a name it is about to reject. The network quality estimator resolves the host of the first HTTP
  // request of each browser (the account listing below), so every launch made one such connect.
  '--host-resolver-rules=MAP * ^NOTFOUND',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--dns-prefetch-disable',
  '--no-pings',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--safebrowsing-disable-auto-update',
  '--disable-crash-reporter',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-service-autorun',
  // The on-device model manifest is fetched by the component updater on demand, past
  // --disable-component-update; pointing it at a local path that does not exist stops that.
  '--optimization-guide-manifest-override=/nonexistent/sourcemark-no-models',
  // A regular profile lists the Google accounts in its cookie jar (POST accounts.google.com/ListAccounts,
  // retried with backoff) whatever the sign-in flags and prefs say. That request goes to port 9 on
  // loopback, a port Chromium refuses to use, so it fails before any connection job starts and never
  // names a Google host, even to the refusing proxy.
  `--gaia-url=${refusedLoopbackUrl}`,
  '--disable-features=' + disabledChromiumFeatures.join(','),
];

/**
 * The resolver and proxy locks above as name/value switches, for the desktop app's own Chromium
 * (Electron's app.commandLine). Its sessions already cancel every request that is not the app's own;
 * these stop what Chromium itself might start outside a session, down to the route probe.
 */
export const offlineChromiumSwitches: [string, string][] = headlessChromiumArgs
  .filter((arg) => /^--(host-resolver-rules|proxy-server|proxy-bypass-list)=/.test(arg))
  .map((arg) => [arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]);

/**
 * The same locks for a browser that must reach our own server on 127.0.0.1 (the end-to-end tests and
 * the UI benches): loopback names resolve and bypass the refusing proxy; every other name still
 * resolves to nothing. The PDF renderer loads a file and keeps the stricter list above.
 */
export const loopbackChromiumArgs = headlessChromiumArgs
  .filter((arg) => arg !== '--proxy-bypass-list=<-loopback>')
  .map((arg) => (arg.startsWith('--host-resolver-rules=') ? '--host-resolver-rules=MAP * ^NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost' : arg));

/**
 * The PDF renderer's Chromium: the strict list above, in one process. It prints one local file at a
 * time with scripts off, so it needs no renderer processes apart from the browser, no zygote to fork
 * them from and no GPU process; Chromium's low-end mode keeps its caches small (a PDF is vector
 * output, so nothing printed changes). For a 500-claim brief the peak resident memory of Node and
 * Chromium went from 1.4 GB (browser, zygotes, GPU, network, storage, printing and three renderers,
 * each counting the shared libraries again) to about 650 MB.
 */
export const pdfRendererChromiumArgs = [...headlessChromiumArgs, '--single-process', '--no-zygote', '--enable-low-end-device-mode'];
