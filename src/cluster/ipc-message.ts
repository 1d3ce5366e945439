/** Whether a message over the cluster's IPC channel is one of ours of `type` (others pass it too: prom-client's). */
export const isMessage = <T extends { type: string }>(message: unknown, type: T['type']): message is T =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
