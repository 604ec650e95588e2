#!/usr/bin/env node
// `npx chat-meet-server`: the reference signaling server's CLI (built to dist/server/cli.js).
import '../dist/server/cli.js';
