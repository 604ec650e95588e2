// nanostores reads process.env.NODE_ENV unguarded; under a strict CSP no inline script may define it.
(globalThis as unknown as { process: unknown }).process ??= { env: { NODE_ENV: 'development' } };
export {};
