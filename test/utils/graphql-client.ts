export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[] };
}

// A plain HTTP GraphQL client, so tests see exactly what a front-end sees (status, headers, body).
export class GraphqlClient {
  constructor(
    readonly endpoint: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  /** The same endpoint, sending these headers too (e.g. Authorization). */
  with(headers: Record<string, string>): GraphqlClient {
    return new GraphqlClient(this.endpoint, { ...this.defaultHeaders, ...headers });
  }

  async post<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.defaultHeaders, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return this.read<T>(response);
  }

  async get<T = Record<string, any>>(params: Record<string, unknown>, headers: Record<string, string> = {}) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    const response = await fetch(`${this.endpoint}?${search}`, { headers: { ...this.defaultHeaders, ...headers } });
    return this.read<T>(response);
  }

  /** The data of a request that must succeed; fails the test with the errors otherwise. */
  async data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await this.post<T>(query, variables);
    if (response.status !== 200 || response.body.errors) {
      throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(response.body.errors)}`);
    }
    return response.body.data as T;
  }

  private async read<T>(response: Response): Promise<GraphqlResponse<T>> {
    const text = await response.text();
    let body: GraphqlResponse<T>['body'];
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: response.status, headers: response.headers, body };
  }
}
