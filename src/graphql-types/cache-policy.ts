/** What a resolver can say of the response's cacheability; public unless a resolver says otherwise. */
export interface CachePolicyContext {
  cachePolicy?: 'private';
}

/** The response shows something only this caller may see (a preview, a partner's data, a mutation's answer). */
export function markPrivate(context: CachePolicyContext): void {
  context.cachePolicy = 'private';
}
