#!/usr/bin/env node
// `npx chat-meet-server`: the reference signaling server's CLI (built to dist/server/cli.js).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/server/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('chat-meet-server: dist/server/cli.js is missing. In a clone of the repository, run `npm run build` first (the npm package ships it built).');
  process.exit(1);
}
await import(cli.href);
