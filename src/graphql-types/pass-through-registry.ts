import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../common/response-keys.js';
import type { Shape } from '../database/projection/shaped-json.js';

/** A root field whose whole value PostgreSQL can write as the response's JSON text. */
export interface PassThroughField {
  /** Whether this selection of the field's value can be written whole (asked once per document). */
  accepts(shape: Shape): boolean;
  /**
   * The value's JSON text for the coerced arguments, tagging `keys` as the resolver would; null when
   * the arguments are invalid, so that the resolver answers with its usual error.
   */
  read(args: Record<string, unknown>, shape: Shape, keys: ResponseKeys): Promise<string> | null;
}

// Where features offer their root fields to the public endpoint's pass-through
// (graphql/pass-through/): the edge knows GraphQL, the feature its SQL, and neither imports the other.
@Injectable()
export class PassThroughRegistry {
  private readonly fields = new Map<string, PassThroughField>();
  /** Responses sent as PostgreSQL's text, for tests that must know the pass-through answered. */
  served = 0;

  register(rootField: string, field: PassThroughField): void {
    this.fields.set(rootField, field);
  }

  get(rootField: string): PassThroughField | undefined {
    return this.fields.get(rootField);
  }
}
