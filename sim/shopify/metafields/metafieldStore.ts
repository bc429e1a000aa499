import { createHash } from 'node:crypto';

/** Metafields written through the API (generated catalog metafields are not stored here). */
export interface MetafieldRecord {
  id: number;
  ownerId: string;
  ownerType: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * `compareDigest`: a digest of what is stored, so a writer can say "only if nobody changed
 * it since I read it". Any change of value or type changes it.
 */
export function metafieldDigest(record: Pick<MetafieldRecord, 'type' | 'value'>): string {
  return createHash('sha256').update(`${record.type}\n${record.value}`).digest('hex');
}

const keyOf = (ownerId: string, namespace: string, key: string): string => `${ownerId}\u0000${namespace}\u0000${key}`;

export class MetafieldStore {
  private readonly byKey = new Map<string, MetafieldRecord>();
  private nextId = 1;

  get(ownerId: string, namespace: string, key: string): MetafieldRecord | undefined {
    return this.byKey.get(keyOf(ownerId, namespace, key));
  }

  /** Creates or replaces; ids and creation times survive updates. */
  put(entry: Omit<MetafieldRecord, 'id' | 'createdAt' | 'updatedAt'>, now: number): MetafieldRecord {
    const existing = this.get(entry.ownerId, entry.namespace, entry.key);
    const record: MetafieldRecord = existing
      ? { ...existing, type: entry.type, value: entry.value, updatedAt: now }
      : { ...entry, id: this.nextId++, createdAt: now, updatedAt: now };
    this.byKey.set(keyOf(entry.ownerId, entry.namespace, entry.key), record);
    return record;
  }

  delete(ownerId: string, namespace: string, key: string): boolean {
    return this.byKey.delete(keyOf(ownerId, namespace, key));
  }

  deleteOwner(ownerId: string): void {
    for (const record of this.byOwner(ownerId)) this.delete(record.ownerId, record.namespace, record.key);
  }

  byOwner(ownerId: string): MetafieldRecord[] {
    return [...this.byKey.values()].filter((record) => record.ownerId === ownerId).sort((a, b) => a.id - b.id);
  }

  all(): MetafieldRecord[] {
    return [...this.byKey.values()].sort((a, b) => a.id - b.id);
  }
}
