import { setFlagsFromString } from 'node:v8';

// A tool runs a few statements and exits, so its WebAssembly (Prisma's query compiler, the schema
// engine, embedded PostgreSQL) is compiled by V8's baseline compiler only: optimising the hot functions
// in the background costs more CPU than the tool's whole run (user:create on a stopped embedded
// database: 3.4 -> 1.7 s CPU). Each tool imports this module first, before any WebAssembly is compiled.
setFlagsFromString('--liftoff-only');
