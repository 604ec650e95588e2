// Browser tests: real headless Chromium (Debian's), real WebRTC, fake media devices.
// No test tool downloads a browser here; CHROME_PATH overrides the binary.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { countReporter } from './scripts/lib/count-reporter.mjs';
import { chromiumArgs, chromiumPath } from './scripts/lib/chromium.mjs';
import { browserTestGroups, outsideBrowserGroups } from './scripts/lib/fake-camera.mjs';
import { signalingPlugin } from './test/server/wtr-signaling-plugin.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

export default {
  files: outsideBrowserGroups(process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts', '!test/**/*.node.test.ts']),
  // Tests that need another camera or browser flags (test/media/portrait/, test/media/no-webgl/)
  // run in their own browser; see scripts/lib/fake-camera.mjs.
  groups: browserTestGroups(process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : null, (args) =>
    chromeLauncher({ launchOptions: { executablePath: chromiumPath(), headless: true, args } }),
  ),
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // signalingPlugin: live reference servers (and coturn) for the WebSocket adapter's tests.
  plugins: [esbuildPlugin({ ts: true, tsconfig, target: 'es2022' }), signalingPlugin()],
  // nanostores reads process.env.NODE_ENV unguarded (see TOOLCHAIN.md).
  testRunnerHtml: (testFramework) => `<!doctype html><html><head>
    <script>window.process = { env: { NODE_ENV: 'development' } };</script>
    </head><body><script type="module" src="${testFramework}"></script></body></html>`,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs() },
    }),
  ],
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  testFramework: { config: { timeout: 30_000 } },
  reporters: [defaultReporter(), countReporter(`${process.env.CHAT_MEET_RESULTS ?? '.test-results'}/browser.json`)],
};
