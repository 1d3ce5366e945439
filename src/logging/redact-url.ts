import { Kind, parse, visit, type DocumentNode } from 'graphql';

export const REDACTED = '[REDACTED]';

// Query parameters and GraphQL argument/variable names that carry credentials: partner keys
// (`?key=`), newsletter link tokens, preview tokens, passwords, refresh and access tokens.
const SECRET_NAME =
  /^(key|token|previewtoken|password|newpassword|currentpassword|refreshtoken|refresh_token|accesstoken|access_token|secret|apikey|api_key|signature|code)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

// Request logs print the URL; this one keeps its shape and hides every secret in it. A GraphQL GET
// carries its arguments in `query` (literals) and `variables` (JSON), so both are looked into.
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark === -1) return url;
  const params = new URLSearchParams(url.slice(mark + 1));
  const query = params.get('query');
  const secretVariables = new Set<string>();
  const parts: string[] = [];
  for (const [name, value] of params) {
    let shown = value;
    if (isSecretName(name)) shown = REDACTED;
    else if (name === 'query') shown = redactGraphqlText(value, secretVariables);
    else if (name === 'variables' || name === 'extensions') shown = redactJsonText(value, secretVariables, query);
    parts.push(`${encodeURIComponent(name)}=${shown === REDACTED ? REDACTED : encodeURIComponent(shown)}`);
  }
  return `${url.slice(0, mark)}?${parts.join('&')}`;
}

// Every secret name contains one of these: a text without any can name no secret argument. Checked
// before parsing, since every request line is logged (and its logger built) whatever the log level,
// and parsing each public GraphQL GET was most of what a response-cache hit cost.
const MIGHT_NAME_A_SECRET = /key|token|password|secret|signature|code/i;

/** Replaces the string literals given to secret-named arguments; collects the variables passed to them. */
export function redactGraphqlText(text: string, secretVariables = new Set<string>()): string {
  if (!MIGHT_NAME_A_SECRET.test(text)) return text;
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    // Not GraphQL: it cannot run, but it may still hold a secret a client meant to send.
    return /token|password|secret|key/i.test(text) ? REDACTED : text;
  }
  const ranges: [number, number][] = [];
  const collect = (
    name: string,
    value: { kind: Kind; loc?: { start: number; end: number } | undefined; name?: { value: string } },
  ) => {
    if (!isSecretName(name)) return;
    if (value.kind === Kind.VARIABLE && value.name) secretVariables.add(value.name.value);
    else if (value.loc) ranges.push([value.loc.start, value.loc.end]);
  };
  visit(document, {
    Argument: (node) => collect(node.name.value, node.value),
    ObjectField: (node) => collect(node.name.value, node.value),
  });
  let redacted = text;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) {
    redacted = `${redacted.slice(0, start)}"${REDACTED}"${redacted.slice(end)}`;
  }
  return redacted;
}

function redactJsonText(text: string, secretVariables: Set<string>, query: string | null): string {
  // The query names the variables it passes to secret arguments; read it first if not yet done.
  if (query && secretVariables.size === 0) redactGraphqlText(query, secretVariables);
  try {
    return JSON.stringify(redactValue(JSON.parse(text), secretVariables));
  } catch {
    return REDACTED;
  }
}

/** Deep copy of a JSON value with secret-named (or listed) keys replaced. */
export function redactValue(value: unknown, names: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, names));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      isSecretName(key) || names.has(key) ? REDACTED : redactValue(inner, new Set()),
    ]),
  );
}

// Free text (a mail body, a header value): any URL query parameter with a secret name is hidden.
export function redactUrlsInText(text: string): string {
  return text.replace(/([?&])([\w-]+)=([^&\s>"']+)/g, (whole, sep: string, name: string) =>
    isSecretName(name) ? `${sep}${name}=${REDACTED}` : whole,
  );
}
