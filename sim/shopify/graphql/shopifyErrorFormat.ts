import { type DocumentNode, type GraphQLError } from 'graphql';
import { indexDocument, type DocumentIndex } from './documentPaths';

/**
 * graphql-js validation errors reworded the way Shopify's GraphQL server (graphql-ruby)
 * words them, with its `extensions.code`, so client code that matches Shopify's errors
 * matches ours: e.g. `Field 'x' doesn't exist on type 'Y'` / `undefinedField`.
 * Errors no rule below knows keep graphql-js's message.
 */
export interface ShopifyGraphQLError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

type Reword = { message: string; extensions: Record<string, unknown> };
type Rule = [RegExp, (m: RegExpExecArray, error: GraphQLError, doc: DocumentIndex) => Reword];

const opLabel = (name: string | undefined): string => (name ? name : 'anonymous query');

const RULES: Rule[] = [
  [/^Cannot query field "([^"]+)" on type "([^"]+)"\./, (m) => ({
    message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
    extensions: { code: 'undefinedField', typeName: m[2], fieldName: m[1] },
  })],
  [/^Unknown argument "([^"]+)" on field "[^".]+\.([^"]+)"\./, (m) => ({
    message: `Field '${m[2]}' doesn't accept argument '${m[1]}'`,
    extensions: { code: 'argumentNotAccepted', name: m[2], typeName: 'Field', argumentName: m[1] },
  })],
  [/^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided\./, (m) => ({
    message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
    extensions: { code: 'missingRequiredArguments', className: 'Field', name: m[1], arguments: m[2] },
  })],
  [/^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields/, (m) => {
    const type = m[2]!.replace(/[[\]!]/g, '');
    return {
      message: `Field must have selections (field '${m[1]}' returns ${type} but has no selections. Did you mean '${m[1]} { ... }'?)`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${m[1]}'`, typeName: type },
    };
  }],
  [/^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\./, (m) => {
    const type = m[2]!.replace(/[[\]!]/g, '');
    return {
      message: `Selections can't be made on scalars (field '${m[1]}' returns ${type} but has selections)`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${m[1]}'`, typeName: type },
    };
  }],
  [/^Variable "\$([^"]+)" is never used(?: in operation "([^"]+)")?\./, (m) => ({
    message: `Variable $${m[1]} is declared by ${opLabel(m[2])} but not used`,
    extensions: { code: 'variableNotUsed', variableName: m[1] },
  })],
  [/^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?\./, (m) => ({
    message: `Variable $${m[1]} is used by ${opLabel(m[2])} but not declared`,
    extensions: { code: 'variableNotDefined', variableName: m[1] },
  })],
  [/^Unknown type "([^"]+)"\./, (m, error, doc) => {
    const context = error.nodes?.[0] ? doc.typeContext(error.nodes[0]) : undefined;
    if (context?.kind === 'variable') {
      return { message: `${m[1]} isn't a defined input type (on $${context.name})`, extensions: { code: 'variableRequiresValidType', typeName: m[1], variableName: context.name } };
    }
    return { message: `No such type ${m[1]}, so it can't be a fragment condition`, extensions: { code: 'undefinedType', typeName: m[1] } };
  }],
  [/^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./, (m, error, doc) => {
    const usage = error.nodes?.[1];
    const arg = usage ? doc.argumentOf(usage) : undefined;
    const nullability = m[2]!.replace(/!/g, '') === m[3]!.replace(/!/g, '');
    const kind = nullability ? 'Nullability mismatch' : 'Type mismatch';
    return {
      message: `${kind} on variable $${m[1]} and argument ${arg?.argument ?? '?'} (${m[2]} / ${m[3]})`,
      extensions: { code: 'variableMismatch', variableName: m[1], typeName: m[2], argumentName: arg?.argument, errorMessage: kind },
    };
  }],
  [/^(Expected value of type "([^"]+)", found (.+)\.|Field "[^"]+" of required type "([^"]+)" was not provided\.|Field "[^"]+" is not defined by type "([^"]+)"\.|Enum "([^"]+)" cannot represent .*|(\w+) cannot represent [^:]*: (.+))$/, (m, error, doc) => {
    const arg = error.nodes?.[0] ? doc.argumentOf(error.nodes[0]) : undefined;
    const expected = m[2] ?? m[4] ?? m[5] ?? m[6] ?? m[7] ?? 'unknown';
    const found = m[3] ?? m[8] ?? '';
    return {
      message: `Argument '${arg?.argument ?? '?'}' on Field '${arg?.field ?? '?'}' has an invalid value${found ? ` (${found})` : ''}. Expected type '${expected}'.`,
      extensions: { code: 'argumentLiteralsIncompatible', typeName: 'Field', argumentName: arg?.argument },
    };
  }],
  [/^Fragment "([^"]+)" is never used\./, (m) => ({
    message: `Fragment ${m[1]} was defined, but not used`,
    extensions: { code: 'useAndDefineFragment', fragmentName: m[1] },
  })],
  [/^Unknown fragment "([^"]+)"\./, (m) => ({
    message: `Fragment ${m[1]} was used, but not defined`,
    extensions: { code: 'useAndDefineFragment', fragmentName: m[1] },
  })],
  [/^Unknown directive "@([^"]+)"\./, (m) => ({
    message: `Directive @${m[1]} is not defined`,
    extensions: { code: 'undefinedDirective', directiveName: m[1] },
  })],
];

export function formatValidationErrors(document: DocumentNode, errors: readonly GraphQLError[]): ShopifyGraphQLError[] {
  const index = indexDocument(document);
  const out: ShopifyGraphQLError[] = [];
  for (const error of errors) {
    const rule = RULES.map(([pattern, reword]) => [pattern.exec(error.message), reword] as const).find(([m]) => m !== null);
    const reworded: Reword = rule ? rule[1](rule[0]!, error, index) : { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    const path = error.nodes?.[0] ? index.path(error.nodes[0]) : undefined;
    out.push({ message: reworded.message, locations: error.locations?.map(({ line, column }) => ({ line, column })), ...(path ? { path } : {}), extensions: reworded.extensions });
  }
  return mergeMissingArguments(out);
}

/** graphql-js reports each missing argument alone; graphql-ruby lists them in one error per field. */
function mergeMissingArguments(errors: ShopifyGraphQLError[]): ShopifyGraphQLError[] {
  const merged: ShopifyGraphQLError[] = [];
  for (const error of errors) {
    const ext = error.extensions ?? {};
    const previous = merged.find(
      (e) => ext.code === 'missingRequiredArguments' && e.extensions?.code === 'missingRequiredArguments' && JSON.stringify(e.locations) === JSON.stringify(error.locations),
    );
    if (!previous) {
      merged.push(error);
      continue;
    }
    const names = `${String(previous.extensions!.arguments)}, ${String(ext.arguments)}`;
    previous.extensions = { ...previous.extensions, arguments: names };
    previous.message = `Field '${String(ext.name)}' is missing required arguments: ${names}`;
  }
  return merged;
}

/** graphql-ruby's wording of a syntax error: `Parse error on "}" (RCURLY) at [1, 10]`. */
export function formatSyntaxError(error: GraphQLError): ShopifyGraphQLError {
  const location = error.locations?.[0];
  const found = /found (.+)\.$/.exec(error.message)?.[1] ?? '';
  if (found === '<EOF>') return { message: 'Unexpected end of document', locations: location ? [location] : [] };
  const token = found.replace(/^"(.*)"$/, '$1');
  const kind = TOKEN_NAMES[token] ?? (/^\d/.test(token) ? 'INT' : /^[A-Za-z_]/.test(token) ? 'IDENTIFIER' : 'UNKNOWN_CHAR');
  const word = token.startsWith('Name ') ? token.slice(5).replace(/"/g, '') : token;
  return {
    message: `Parse error on ${JSON.stringify(word)} (${kind}) at [${location?.line ?? 1}, ${location?.column ?? 1}]`,
    locations: location ? [location] : [],
  };
}

const TOKEN_NAMES: Record<string, string> = {
  '}': 'RCURLY',
  '{': 'LCURLY',
  ')': 'RPAREN',
  '(': 'LPAREN',
  ']': 'RBRACKET',
  '[': 'LBRACKET',
  ':': 'COLON',
  '=': 'EQUALS',
  '!': 'BANG',
  '$': 'VAR_SIGN',
  '@': 'DIR_SIGN',
  '...': 'ELLIPSIS',
  '|': 'PIPE',
  '&': 'AMP',
};
