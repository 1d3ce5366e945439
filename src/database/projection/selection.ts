// What a read must return of one object type: the fields asked for by name and, for each relation
// asked for, what to return of the related objects. It is built from a GraphQL request at the edge
// (src/graphql-types/selection-of.ts) or written out by code that needs a fixed shape (feeds, webhooks),
// so the data layer knows nothing of GraphQL. Aliases and fragments are merged away: a field asked
// twice is read once.
export class Selection {
  private constructor(
    readonly fields: ReadonlySet<string>,
    readonly children: ReadonlyMap<string, Selection>,
  ) {}

  static readonly EMPTY = new Selection(new Set(), new Map());

  /** `Selection.of(['id', 'headline'], { authors: Selection.of(['name']) })` */
  static of(fields: Iterable<string>, children: Record<string, Selection> = {}): Selection {
    const all = new Set(fields);
    for (const name of Object.keys(children)) all.add(name);
    return new Selection(all, new Map(Object.entries(children)));
  }

  has(field: string): boolean {
    return this.fields.has(field);
  }

  child(field: string): Selection | undefined {
    return this.children.get(field);
  }

  /** Both selections at once: what either asks for. */
  merge(other: Selection): Selection {
    const children = new Map(this.children);
    for (const [name, child] of other.children) {
      const mine = children.get(name);
      children.set(name, mine ? mine.merge(child) : child);
    }
    return new Selection(new Set([...this.fields, ...other.fields]), children);
  }

  private written?: string;

  /** A stable text form: equal selections, equal keys (for caching what is built from one). */
  get signature(): string {
    return (this.written ??= this.write());
  }

  private write(): string {
    const parts = [...this.fields].sort().map((field) => {
      const child = this.children.get(field);
      return child ? `${field}{${child.signature}}` : field;
    });
    return parts.join(' ');
  }
}
