// Folder boundaries of src/, checked by `npm run lint` (dependency-cruiser). Specs and generated code are left out.
const WHY =
  'Two folders that import each other (directly or round a longer loop) are one design in two places. ' +
  'Move the shared piece down to a library folder (common/, graphql-types/, ...) or invert it through an ' +
  'interface or token. A folder and its own subfolders may import each other (they are not counted as folder dependencies).';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment: WHY,
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^src/',
    exclude: { path: ['\\.spec\\.ts$', '^src/generated/'] },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a type moved across a boundary carries its design along.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
