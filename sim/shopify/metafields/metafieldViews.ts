import { arrayNodeList, type NodeList } from '../graphql/connections';
import type { View } from '../graphql/view';
import { makeGid } from '../support/gid';
import { isoSeconds } from '../support/time';
import { jsonValueOf } from './metafieldValues';
import { metafieldDigest, type MetafieldRecord, type MetafieldStore } from './metafieldStore';

/** `owner` needs the rest of the shop; callers that can show owners pass how. */
export function metafieldView(record: MetafieldRecord, ownerOf?: (ownerId: string) => View | null): View {
  return {
    ...(ownerOf ? { owner: () => ownerOf(record.ownerId) } : {}),
    __typename: 'Metafield',
    id: makeGid('Metafield', record.id),
    legacyResourceId: String(record.id),
    namespace: record.namespace,
    key: record.key,
    type: record.type,
    value: record.value,
    jsonValue: jsonValueOf(record.type, record.value),
    compareDigest: metafieldDigest(record),
    ownerType: record.ownerType,
    sizeInBytes: Buffer.byteLength(record.value),
    description: null,
    definition: null,
    reference: null,
    createdAt: isoSeconds(record.createdAt),
    updatedAt: isoSeconds(record.updatedAt),
  };
}

/** The `metafield(namespace, key)` and `metafields(…)` fields of any owner with stored metafields. */
export function ownerMetafieldFields(store: MetafieldStore, ownerId: string, appNamespace: string): { metafield: (args: Record<string, unknown>) => View | null; metafields: (args: Record<string, unknown>) => NodeList<View> } {
  return {
    metafield: (args) => {
      const record = store.get(ownerId, (args.namespace as string | null) ?? appNamespace, String(args.key));
      return record ? metafieldView(record) : null;
    },
    metafields: (args) => {
      const keys = args.keys as string[] | null | undefined;
      const records = store
        .byOwner(ownerId)
        .filter((r) => args.namespace == null || r.namespace === args.namespace)
        .filter((r) => !keys || keys.includes(`${r.namespace}.${r.key}`));
      return arrayNodeList(records.map((r) => metafieldView(r)), (_v, i) => records[i]!.id);
    },
  };
}
