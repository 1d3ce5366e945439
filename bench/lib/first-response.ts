import type { LoadPlan } from '../scenarios/scenario.js';

export interface FirstResponse {
  status: number;
  body: string;
  ok: boolean;
}

/**
 * One request as the load will send it, before the load: a broken scenario shows its error body here
 * rather than as a bare error count. Undefined for per-connection plans (F), whose requests carry state.
 */
export async function firstResponse(baseUrl: string, plan: LoadPlan): Promise<FirstResponse | undefined> {
  if (typeof plan.requests === 'function') return undefined;
  const [request] = plan.requests;
  const response = await fetch(baseUrl + (request.path ?? '/'), {
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
  });
  const body = await response.text();
  return { status: response.status, body, ok: plan.isSuccess(response.status, body) };
}
