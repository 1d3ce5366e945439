import { replicaFailureOf } from './replica-failure.js';

// Shaped as Prisma 7 reports driver adapter errors (PrismaClientKnownRequestError P2010, seen here).
const adapterError = (cause: Record<string, string>) =>
  Object.assign(new Error('Raw query failed'), {
    code: 'P2010',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause } },
  });

describe('replicaFailureOf', () => {
  it('takes a refused, closed or shut-down connection for an unreachable replica', () => {
    expect(replicaFailureOf(adapterError({ kind: 'DatabaseNotReachable' }))).toBe('unreachable');
    expect(replicaFailureOf(adapterError({ kind: 'postgres', code: '57P01' }))).toBe('unreachable');
    expect(replicaFailureOf(adapterError({ kind: 'postgres', originalCode: '08006', code: '08006' }))).toBe('unreachable');
    expect(replicaFailureOf(new Error('Connection terminated unexpectedly'))).toBe('unreachable');
  });

  it('takes a query cancelled by the replay of WAL for a conflict the primary does not have', () => {
    expect(replicaFailureOf(adapterError({ kind: 'TransactionWriteConflict', originalCode: '40001' }))).toBe('conflict');
  });

  it('leaves errors the primary would raise too to the caller', () => {
    expect(replicaFailureOf(adapterError({ kind: 'InvalidInputValue', originalCode: '22P02' }))).toBeUndefined();
    expect(replicaFailureOf(new Error('Cannot read properties of undefined'))).toBeUndefined();
    expect(replicaFailureOf(null)).toBeUndefined();
  });
});
