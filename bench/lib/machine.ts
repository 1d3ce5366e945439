import { cpus, totalmem } from 'node:os';
import type pg from 'pg';

export interface MachineInfo {
  cpus: number;
  model: string;
  memGB: number;
  node: string;
  postgres: string;
}

export async function machineInfo(db: pg.Pool): Promise<MachineInfo> {
  const { rows } = await db.query<{ server_version: string }>('SHOW server_version');
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model.trim() ?? 'unknown',
    memGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    postgres: rows[0]?.server_version ?? 'unknown',
  };
}
