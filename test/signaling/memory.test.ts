import { createMemoryAdapter, createMemoryHub } from '../../src/signaling/memory.js';
import { runAdapterContract } from './contract.js';

runAdapterContract('memory', () => {
  const hub = createMemoryHub();
  return {
    create: () => createMemoryAdapter(hub),
    injectRaw: (to, from, raw) => hub.inject(to, from, raw),
    reports: () => hub.reports,
  };
});
