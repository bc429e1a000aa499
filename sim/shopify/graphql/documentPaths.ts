import { Kind, type ASTNode, type DocumentNode, type FieldNode, type SelectionSetNode, type ValueNode } from 'graphql';

/**
 * Where each AST node sits, in the terms graphql-ruby (Shopify's GraphQL server) uses in the
 * `path` of a validation error: `["query GetCart", "draftOrder", "lineItems", "nodez"]`,
 * with aliases for fields, `... on Type` for inline fragments and the argument's name for
 * argument errors. Also which argument (of which field) a literal value or variable sits in.
 */
export interface DocumentIndex {
  path(node: ASTNode): string[] | undefined;
  argumentOf(node: ASTNode): { argument: string; field: string } | undefined;
  /** `fragment` for a type condition, the variable name for a variable's type. */
  typeContext(node: ASTNode): { kind: 'fragment' } | { kind: 'variable'; name: string } | undefined;
}

export function indexDocument(document: DocumentNode): DocumentIndex {
  const paths = new Map<ASTNode, string[]>();
  const args = new Map<ASTNode, { argument: string; field: string }>();
  const typeContexts = new Map<ASTNode, { kind: 'fragment' } | { kind: 'variable'; name: string }>();

  const indexValue = (value: ValueNode, argument: string, field: string): void => {
    args.set(value, { argument, field });
    if (value.kind === Kind.LIST) value.values.forEach((v) => indexValue(v, argument, field));
    if (value.kind === Kind.OBJECT) value.fields.forEach((f) => indexValue(f.value, argument, field));
  };

  const indexField = (field: FieldNode, parent: string[]): void => {
    const path = [...parent, field.alias?.value ?? field.name.value];
    paths.set(field, path);
    for (const arg of field.arguments ?? []) {
      paths.set(arg, [...path, arg.name.value]);
      args.set(arg, { argument: arg.name.value, field: field.name.value });
      indexValue(arg.value, arg.name.value, field.name.value);
    }
    if (field.selectionSet) indexSelections(field.selectionSet, path);
  };

  const indexSelections = (set: SelectionSetNode, parent: string[]): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) indexField(selection, parent);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) paths.set(selection, [...parent, `... ${selection.name.value}`]);
      else {
        const path = [...parent, selection.typeCondition ? `... on ${selection.typeCondition.name.value}` : '...'];
        paths.set(selection, path);
        if (selection.typeCondition) typeContexts.set(selection.typeCondition.name, { kind: 'fragment' });
        indexSelections(selection.selectionSet, path);
      }
    }
  };

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const root = [definition.name ? `${definition.operation} ${definition.name.value}` : definition.operation];
      paths.set(definition, root);
      for (const variable of definition.variableDefinitions ?? []) {
        paths.set(variable, root);
        let type = variable.type;
        while (type.kind !== Kind.NAMED_TYPE) type = type.type;
        typeContexts.set(type.name, { kind: 'variable', name: variable.variable.name.value });
        typeContexts.set(type, { kind: 'variable', name: variable.variable.name.value });
      }
      indexSelections(definition.selectionSet, root);
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const root = [`fragment ${definition.name.value}`];
      paths.set(definition, root);
      typeContexts.set(definition.typeCondition, { kind: 'fragment' });
      typeContexts.set(definition.typeCondition.name, { kind: 'fragment' });
      indexSelections(definition.selectionSet, root);
    }
  }
  return {
    path: (node) => paths.get(node),
    argumentOf: (node) => args.get(node),
    typeContext: (node) => typeContexts.get(node),
  };
}
