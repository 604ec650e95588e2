// Writes which chunk imports which (statically and dynamically), so the size budget
// can add up exactly what a page loads before the meet button shows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function manifestPlugin(file) {
  return {
    name: 'chat-meet-manifest',
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[fileName] = {
          name: output.name,
          isEntry: output.isEntry,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          modules: Object.keys(output.modules).map((m) => m.replace(process.cwd() + '/', '')),
        };
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(chunks, null, 2));
    },
  };
}
