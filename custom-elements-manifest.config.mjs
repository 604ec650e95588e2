// `npm run analyze`: writes custom-elements.json (the Custom Elements Manifest) from the
// element sources' JSDoc (@summary @slot @event @csspart @cssproperty). docs/elements.md
// is generated from it by scripts/elements-doc.mjs.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.test.ts', 'src/elements/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json's "customElements" field is set by hand: the analyzer would rewrite the
  // whole file, which other work edits too.
  packagejson: false,
};
