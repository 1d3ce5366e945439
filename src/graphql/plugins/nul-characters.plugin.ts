import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { DomainError, type InputIssue } from '../../common/domain-error.js';
import { NUL_MESSAGE, nulIssues } from '../../common/nul-characters.js';

// Refuses a NUL character in any argument, literal or variable, before anything runs: many String
// arguments (slugs, ids, search words) go to SQL without a zod schema. See common/nul-characters.ts.
export function nulCharactersPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const literals = literalIssuesOf(document);
          const issues = request.variables ? [...literals, ...nulIssues(request.variables).map(asVariable)] : literals;
          if (issues.length === 0) return;
          const { message, details } = DomainError.badInput(issues);
          throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...details, http: { status: 400 } } });
        },
      };
    },
  };
}

function asVariable(issue: InputIssue): InputIssue {
  return { ...issue, path: `$${issue.path}` };
}

// Apollo parses each query text once and hands the same DocumentNode to every request that sends it,
// so the document's own literals are checked once, not on every request (a visit of every node).
const literalsChecked = new WeakMap<DocumentNode, InputIssue[]>();

function literalIssuesOf(document: DocumentNode): InputIssue[] {
  let issues = literalsChecked.get(document);
  if (!issues) {
    issues = literalIssues(document);
    literalsChecked.set(document, issues);
  }
  return issues;
}

// String literals in the document, with the path of fields, arguments and input fields that leads
// to each (fragments included: they are part of the document).
function literalIssues(document: DocumentNode): InputIssue[] {
  const path: string[] = [];
  const issues: InputIssue[] = [];
  const named = {
    enter: (node: ASTNode) => void path.push(nameOf(node)),
    leave: () => void path.pop(),
  };
  visit(document, {
    Field: named,
    Argument: named,
    ObjectField: named,
    VariableDefinition: named,
    StringValue(node) {
      if (node.value.includes('\u0000')) issues.push({ path: path.join('.'), message: NUL_MESSAGE });
    },
  });
  return issues;
}

function nameOf(node: ASTNode): string {
  if (node.kind === Kind.FIELD) return (node.alias ?? node.name).value;
  if (node.kind === Kind.VARIABLE_DEFINITION) return `$${node.variable.name.value}`;
  return 'name' in node && node.name ? node.name.value : '';
}
