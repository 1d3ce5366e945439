// Why a read on a replica failed, when the primary may well answer it:
// - unreachable: the replica is down, restarting, refusing connections, or cut off mid-read;
// - conflict: a standby cancels queries that hold back the replay of WAL (SQLSTATE 40001,
//   "conflict with recovery"); the primary has no such conflict.
// Anything else (bad SQL, a value the database refuses) would fail on the primary too, and is thrown.
export type ReplicaFailure = 'unreachable' | 'conflict';

// Driver adapter error kinds (@prisma/driver-adapter-utils) that mean "no usable connection".
const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TlsConnectionError',
  'TooManyConnections',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'AuthenticationFailed',
]);
// Connection exceptions, shutdown/crash/recovery of the server, and lack of resources on it.
const UNREACHABLE_CODE = /^(08|57P0[1-4]|53)/;
// pg's own errors, which carry no SQLSTATE: a dead socket, an exhausted connect timeout.
const UNREACHABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|Client has encountered a connection error/i;

interface AdapterCause {
  kind?: string;
  code?: string;
  originalCode?: string;
}

export function replicaFailureOf(error: unknown): ReplicaFailure | undefined {
  const cause = adapterCause(error);
  if (cause) {
    const code = cause.originalCode ?? cause.code ?? '';
    if (code === '40001' || code === '40P01') return 'conflict';
    if (UNREACHABLE_KINDS.has(cause.kind ?? '') || UNREACHABLE_CODE.test(code)) return 'unreachable';
    return undefined;
  }
  return error instanceof Error && UNREACHABLE_MESSAGE.test(error.message) ? 'unreachable' : undefined;
}

function adapterCause(error: unknown): AdapterCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } } | null)?.meta;
  return meta?.driverAdapterError?.cause;
}
