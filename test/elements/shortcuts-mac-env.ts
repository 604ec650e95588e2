// Makes this frame a Mac before tinykeys reads the platform (it does so once, on import):
// then `$mod` is ⌘ (Meta), as on a real Mac. nanostores also needs `process` (see call-csp-env.ts).
Object.defineProperty(navigator, 'platform', { configurable: true, get: () => 'MacIntel' });
Object.defineProperty(navigator, 'userAgentData', { configurable: true, get: () => ({ platform: 'macOS', mobile: false, brands: [] }) });
(globalThis as unknown as { process: unknown }).process ??= { env: { NODE_ENV: 'development' } };
export {};
