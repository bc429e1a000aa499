import { z } from 'zod';
import { TOPIC_HANDLERS, routeTopic } from '../../domain/webhooks/topicRoutes';
import { fieldTreeOf, mergeFieldTrees, payloadFieldsFor, TOPIC_PAYLOAD_FIELDS, type FieldTree } from './payloadFields';
import { numericId, tagList, timestamp } from './common';

const keep: FieldTree = { kind: 'keep' };
const object = (fields: Record<string, FieldTree>): FieldTree => ({ kind: 'object', fields });

describe('fieldTreeOf', () => {
  it.each([
    ['a scalar', z.string(), keep],
    ['an optional, nullable, defaulted scalar', z.string().nullish().default('x'), keep],
    ['a union transformed (numericId)', numericId, keep],
    ['a nullish string transformed (tagList)', tagList, keep],
    ['a transform piped into a schema (timestamp)', timestamp, keep],
    ['a passthrough object, whose every key is read', z.object({ a: z.string() }).passthrough(), keep],
    ['a record', z.record(z.string(), z.number()), keep],
  ])('reads %s whole', (_name, schema, tree) => {
    expect(fieldTreeOf(schema)).toEqual(tree);
  });

  it('reads only the declared keys of an object, through wrappers, refinements and arrays', () => {
    const schema = z
      .object({ a: z.string(), b: z.array(z.object({ c: z.number(), d: z.object({ e: z.string() }).nullish() })).default([]) })
      .refine(() => true);
    expect(fieldTreeOf(schema)).toEqual(object({ a: keep, b: { kind: 'array', element: object({ c: keep, d: object({ e: keep }) }) } }));
  });

  it('reads what any member of a union reads', () => {
    const schema = z.union([z.object({ a: z.string() }), z.object({ b: z.object({ c: z.string() }) })]);
    expect(fieldTreeOf(schema)).toEqual(object({ a: keep, b: object({ c: keep }) }));
  });

  it('reads a value whole when a union mixes an object with a scalar', () => {
    expect(fieldTreeOf(z.union([z.string(), z.object({ a: z.string() })]))).toEqual(keep);
  });
});

describe('mergeFieldTrees', () => {
  it('unites the keys of two objects, recursively', () => {
    expect(mergeFieldTrees(object({ a: object({ x: keep }) }), object({ a: object({ y: keep }), b: keep }))).toEqual(
      object({ a: object({ x: keep, y: keep }), b: keep }),
    );
  });
});

describe('TOPIC_PAYLOAD_FIELDS', () => {
  it('has an entry for exactly the topics the origin handles', () => {
    const handled = Object.keys(TOPIC_HANDLERS).filter((topic) => routeTopic(topic).kind === 'handle');
    expect([...TOPIC_PAYLOAD_FIELDS.keys()].sort()).toEqual(handled.sort());
    expect(payloadFieldsFor('orders/edited')).toBeUndefined();
    expect(payloadFieldsFor('constructor')).toBeUndefined();
  });

  it('orders/create keeps the order fields and each line item field, and nothing like the note or addresses', () => {
    const tree = payloadFieldsFor('orders/create') as Extract<FieldTree, { kind: 'object' }>;
    expect(Object.keys(tree.fields)).toEqual(expect.arrayContaining(['id', 'total_price', 'line_items', 'company', 'po_number']));
    expect(Object.keys(tree.fields)).not.toEqual(expect.arrayContaining(['note']));
    expect(tree.fields.shipping_address).toBeUndefined();
    expect(tree.fields.line_items).toEqual({ kind: 'array', element: expect.objectContaining({ kind: 'object' }) });
  });

  it('topics whose handler reads only the headers keep an empty object', () => {
    expect(payloadFieldsFor('app/uninstalled')).toEqual(object({}));
    expect(payloadFieldsFor('shop/redact')).toEqual(object({}));
  });
});
