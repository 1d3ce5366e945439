import type { AppConfig } from '../config/app-config.js';

export async function startTelemetry(_config: AppConfig): Promise<void> {}
