import { DomainError } from '../common/domain-error.js';

// The closed set of errors of editing authors, tags, sections and series; `noun` names the model
// ("author", "tag", ...) so one message serves all four.
export const TaxonomyErrors = {
  notFound: (noun: string) => new DomainError('NOT_FOUND', `No such ${noun}`),
  inTrash: (noun: string) => new DomainError('CONFLICT', `The ${noun} is in the trash: restore it first`),
  notInTrash: (noun: string) => new DomainError('CONFLICT', `The ${noun} is not in the trash`),
  slugTaken: (noun: string, slug: string) =>
    new DomainError('CONFLICT', `The slug "${slug}" is already used by another ${noun}`, { slug }),
  // The slug is unknown here: the unique index refused a row another editor saved at the same moment.
  slugClaimedConcurrently: (noun: string) => new DomainError('CONFLICT', `That slug is already used by another ${noun}`),
};
