// Folder boundaries of src/, checked by `npm run lint` (dependency-cruiser). Specs and generated code are left out.
const WHY =
  'Two folders that import each other (directly or round a longer loop) are one design in two places. ' +
  'Move the shared piece down to a library folder (common/, graphql-types/, ...) or invert it through an ' +
  'interface or token. A folder and its own subfolders may import each other (they are not counted as folder dependencies).';

// Known and not yet untangled: audit, auth and users import each other (the Actor type, roles and AdminContext
// live in auth/, password hashing in auth/, audit records written by auth/). Their loops among themselves
// are tolerated until those pieces move to a library folder; a loop through any other folder still fails.
const KNOWN_TANGLE = '^src/(audit|auth|users)(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment: WHY,
      scope: 'folder',
      from: { pathNot: KNOWN_TANGLE },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle-beyond-known-tangle',
      severity: 'error',
      comment: WHY,
      scope: 'folder',
      from: { path: KNOWN_TANGLE },
      to: { circular: true, pathNot: KNOWN_TANGLE },
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
