import { GraphQLError } from 'graphql';
import { arrayNodeList, decodeCursor, encodeCursor, requirePageSize, type NodeList } from '../graphql/connections';
import { type View } from '../graphql/view';
import { isoSeconds } from '../support/time';
import { catalogGid, catalogIndex, catalogLegacyId, inventoryLevelGid } from './catalogIds';
import { productExists, variantCount, type CatalogVersion } from './catalogSpec';
import * as values from './catalogValues';

/**
 * GraphQL views of generated catalog objects. Built on demand from an index; nested objects
 * and connections are functions, so a view costs only what is selected from it.
 */

export function productView(catalog: CatalogVersion, i: number): View {
  const m = catalog.spec.variantsPerProduct;
  const createdAt = isoSeconds(values.productCreatedAt(i));
  return {
    __typename: 'Product',
    id: catalogGid('Product', i),
    legacyResourceId: catalogLegacyId('Product', i),
    title: values.productTitle(catalog, i),
    handle: values.productHandle(catalog, i),
    vendor: values.productVendor(catalog, i),
    productType: values.productType(catalog, i),
    tags: values.productTags(catalog, i),
    status: 'ACTIVE',
    descriptionHtml: '',
    isGiftCard: false,
    hasOnlyDefaultVariant: m === 1,
    tracksInventory: true,
    createdAt,
    updatedAt: isoSeconds(values.productUpdatedAt(catalog, i)),
    publishedAt: createdAt,
    variantsCount: { __typename: 'Count', count: m, precision: 'EXACT' },
    variants: () => arrayNodeList(Array.from({ length: m }, (_, j) => variantView(catalog, i * m + j)), (_v, j) => j),
    metafields: () => metafieldList(catalog, i),
    metafield: (args: Record<string, unknown>) => metafieldList(catalog, i).all!().find((mf) => mf.key === args.key && (args.namespace == null || mf.namespace === args.namespace)) ?? null,
  };
}

export function variantView(catalog: CatalogVersion, k: number): View {
  const i = Math.floor(k / catalog.spec.variantsPerProduct);
  const { price, compareAtPrice } = values.variantPrice(catalog, k);
  const quantities = () => Array.from({ length: catalog.spec.locations }, (_, loc) => values.inventoryQuantities(catalog, k, loc));
  return {
    __typename: 'ProductVariant',
    id: catalogGid('ProductVariant', k),
    legacyResourceId: catalogLegacyId('ProductVariant', k),
    title: values.variantTitle(catalog, k),
    displayName: `${values.productTitle(catalog, i)} - ${values.variantTitle(catalog, k)}`,
    sku: values.variantSku(catalog, k),
    barcode: null,
    price,
    compareAtPrice,
    position: (k % catalog.spec.variantsPerProduct) + 1,
    taxable: true,
    availableForSale: true,
    inventoryPolicy: 'DENY',
    inventoryQuantity: () => quantities().reduce((sum, q) => sum + q.available, 0),
    createdAt: isoSeconds(values.productCreatedAt(i)),
    updatedAt: isoSeconds(values.productUpdatedAt(catalog, i)),
    product: () => productView(catalog, i),
    inventoryItem: () => inventoryItemView(catalog, k),
    metafields: () => arrayNodeList<View>([]),
    metafield: () => null,
  };
}

export function inventoryItemView(catalog: CatalogVersion, k: number): View {
  const i = Math.floor(k / catalog.spec.variantsPerProduct);
  return {
    __typename: 'InventoryItem',
    id: catalogGid('InventoryItem', k),
    legacyResourceId: catalogLegacyId('InventoryItem', k),
    sku: values.variantSku(catalog, k),
    tracked: true,
    requiresShipping: true,
    unitCost: null,
    createdAt: isoSeconds(values.productCreatedAt(i)),
    updatedAt: isoSeconds(values.productUpdatedAt(catalog, i)),
    variant: () => variantView(catalog, k),
    inventoryLevels: () => arrayNodeList(Array.from({ length: catalog.spec.locations }, (_, loc) => inventoryLevelView(catalog, k, loc)), (_v, loc) => loc),
    inventoryLevel: (args: Record<string, unknown>) => {
      const loc = locationIndexOf(catalog, String(args.locationId));
      return loc === undefined ? null : inventoryLevelView(catalog, k, loc);
    },
  };
}

const QUANTITY_NAMES = new Set(['available', 'committed', 'damaged', 'incoming', 'on_hand', 'quality_control', 'reserved', 'safety_stock']);

export function inventoryLevelView(catalog: CatalogVersion, k: number, loc: number): View {
  const levelIndex = k * catalog.spec.locations + loc;
  const id = inventoryLevelGid(levelIndex, k);
  const updatedAt = isoSeconds(values.productUpdatedAt(catalog, Math.floor(k / catalog.spec.variantsPerProduct)));
  return {
    __typename: 'InventoryLevel',
    id,
    isActive: true,
    canDeactivate: false,
    deactivationAlert: null,
    createdAt: updatedAt,
    updatedAt,
    location: () => locationView(catalog, loc),
    item: () => inventoryItemView(catalog, k),
    quantities: (args: Record<string, unknown>) => {
      const q = values.inventoryQuantities(catalog, k, loc) as unknown as Record<string, number>;
      return ((args.names as string[] | undefined) ?? []).map((name) => {
        if (!QUANTITY_NAMES.has(name)) throw new GraphQLError(`The quantity name '${name}' is not valid.`, { extensions: { code: 'BAD_REQUEST' } });
        return { __typename: 'InventoryQuantity', id: `gid://shopify/InventoryQuantity/${levelIndex}?name=${name}`, name, quantity: q[name] ?? 0, updatedAt };
      });
    },
  };
}

export function locationView(catalog: CatalogVersion, loc: number): View {
  return {
    __typename: 'Location',
    id: catalogGid('Location', loc),
    legacyResourceId: catalogLegacyId('Location', loc),
    name: values.locationName(loc),
    isActive: true,
    isFulfillmentService: false,
    fulfillsOnlineOrders: true,
    shipsInventory: true,
    hasActiveInventory: true,
    deactivatedAt: null,
    createdAt: isoSeconds(Date.parse('2025-01-01T00:00:00Z')),
    updatedAt: isoSeconds(Date.parse('2025-01-01T00:00:00Z')),
    metafields: () => arrayNodeList<View>([]),
    metafield: () => null,
  };
}

function metafieldList(catalog: CatalogVersion, i: number): NodeList<View & { key?: unknown; namespace?: unknown }> {
  const f = catalog.spec.metafieldsPerProduct;
  return arrayNodeList(Array.from({ length: f }, (_, n) => productMetafieldView(catalog, i, n)), (_v, n) => n);
}

export function productMetafieldView(catalog: CatalogVersion, i: number, f: number): View {
  const mf = values.productMetafield(catalog, i, f);
  const at = isoSeconds(values.productCreatedAt(i));
  const index = i * catalog.spec.metafieldsPerProduct + f;
  return {
    __typename: 'Metafield',
    id: catalogGid('Metafield', index),
    legacyResourceId: catalogLegacyId('Metafield', index),
    namespace: mf.namespace,
    key: mf.key,
    type: mf.type,
    value: mf.value,
    jsonValue: mf.type === 'number_integer' ? Number(mf.value) : mf.value,
    ownerType: 'PRODUCT',
    createdAt: at,
    updatedAt: at,
  };
}

/** Every generated variant in id order, paged lazily; deleted products are skipped. */
export function catalogVariantList(catalog: CatalogVersion, only?: number): NodeList<View> {
  return {
    kind: 'nodeList',
    page(args) {
      requirePageSize(args);
      if (args.last != null || args.before != null || args.reverse) {
        throw new GraphQLError('The Shopify simulator pages the catalog forwards only (first/after, reverse: false).', { extensions: { code: 'SIMULATOR_NOT_IMPLEMENTED' } });
      }
      const total = variantCount(catalog.spec);
      const m = catalog.spec.variantsPerProduct;
      const edges = [];
      let k = args.after != null ? decodeCursor(args.after) + 1 : 0;
      const limit = args.first ?? 0;
      if (only !== undefined) {
        const hit = only >= k && productExists(catalog, Math.floor(only / m)) ? [only] : [];
        return { edges: hit.slice(0, limit).map((n) => ({ cursor: encodeCursor(n), node: variantView(catalog, n) })), hasNextPage: false, hasPreviousPage: k > 0 };
      }
      while (k < total && edges.length <= limit) {
        const i = Math.floor(k / m);
        if (!productExists(catalog, i)) {
          k = (i + 1) * m;
          continue;
        }
        edges.push({ cursor: encodeCursor(k), node: variantView(catalog, k) });
        k += 1;
      }
      const hasNextPage = edges.length > limit;
      return { edges: edges.slice(0, limit), hasNextPage, hasPreviousPage: args.after != null };
    },
  };
}

export function catalogProductList(catalog: CatalogVersion): NodeList<View> {
  return {
    kind: 'nodeList',
    page(args) {
      requirePageSize(args);
      if (args.last != null || args.before != null || args.reverse) {
        throw new GraphQLError('The Shopify simulator pages the catalog forwards only (first/after, reverse: false).', { extensions: { code: 'SIMULATOR_NOT_IMPLEMENTED' } });
      }
      const limit = args.first ?? 0;
      const edges = [];
      for (let i = args.after != null ? decodeCursor(args.after) + 1 : 0; i < catalog.spec.products && edges.length <= limit; i += 1) {
        if (productExists(catalog, i)) edges.push({ cursor: encodeCursor(i), node: productView(catalog, i) });
      }
      return { edges: edges.slice(0, limit), hasNextPage: edges.length > limit, hasPreviousPage: args.after != null };
    },
  };
}

export const locationList = (catalog: CatalogVersion): NodeList<View> =>
  arrayNodeList(Array.from({ length: catalog.spec.locations }, (_, loc) => locationView(catalog, loc)), (_v, loc) => loc);

function locationIndexOf(catalog: CatalogVersion, gid: string): number | undefined {
  const index = catalogIndex(gid, 'Location');
  return index !== undefined && index < catalog.spec.locations ? index : undefined;
}
