import { Injectable } from '@nestjs/common';
import type { ResponseKeys } from '../common/response-keys.js';
import type { FieldArguments, Shape } from '../database/projection/shaped-json.js';

/** A root field whose whole value PostgreSQL can write as the response's JSON text. */
export interface PassThroughField {
  /** Whether this selection of the field's value can be written whole (asked once per document). */
  accepts(shape: Shape): boolean;
  /**
   * The value's JSON text for the coerced arguments, tagging `keys` as the resolver would; null when
   * the arguments are invalid, so that the resolver answers with its usual error.
   */
  read(args: Record<string, unknown>, shape: Shape, keys: ResponseKeys, fieldArgs: FieldArguments): Promise<string> | null;
}

/**
 * A field of an object type that runs code of its own (a resolver, arguments), which a feature writes in
 * SQL when asked within one of its root fields (that root field's accepts() still decides).
 */
export interface PassThroughObjectField {
  /**
   * true: the shape marks it `withArguments` and read() receives its coerced arguments (FieldArguments)
   * to validate as its resolver does; false: a plan includes it only when the document gives no arguments.
   */
  readonly arguments: boolean;
}

// Where features offer their root fields to the public endpoint's pass-through
// (graphql/pass-through/): the edge knows GraphQL, the feature its SQL, and neither imports the other.
@Injectable()
export class PassThroughRegistry {
  private readonly fields = new Map<string, PassThroughField>();
  private readonly objectFields = new Map<string, PassThroughObjectField>();
  /** Responses sent as PostgreSQL's text, for tests that must know the pass-through answered. */
  served = 0;

  register(rootField: string, field: PassThroughField): void {
    this.fields.set(rootField, field);
  }

  get(rootField: string): PassThroughField | undefined {
    return this.fields.get(rootField);
  }

  registerField(type: string, field: string, spec: PassThroughObjectField): void {
    this.objectFields.set(`${type}.${field}`, spec);
  }

  fieldOf(type: string, field: string): PassThroughObjectField | undefined {
    return this.objectFields.get(`${type}.${field}`);
  }
}
