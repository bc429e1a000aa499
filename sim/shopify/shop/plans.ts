/**
 * Restore rates per plan, from "GraphQL Admin API rate limits"
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): Standard 100,
 * Advanced 200, Plus 1,000, Enterprise (Commerce Components) 2,000 points/second.
 *
 * Shopify documents that each (app, store) pair gets "a bucket size and restore rate based
 * on the store's plan" but not the bucket size itself. Live responses show
 * `maximumAvailable` = 20 × `restoreRate` (2000/100, 4000/200, 20000/1000), so that is the
 * default here; a shop can be registered with another `bucketSize`.
 */
export const PLANS = ['standard', 'advanced', 'plus', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export const RESTORE_RATE: Record<Plan, number> = {
  standard: 100,
  advanced: 200,
  plus: 1000,
  enterprise: 2000,
};

export const BUCKET_SECONDS_OF_RESTORE = 20;

export function defaultBucketSize(plan: Plan): number {
  return RESTORE_RATE[plan] * BUCKET_SECONDS_OF_RESTORE;
}

/** What `shop { plan { … } }` answers for each plan. */
export const PLAN_DISPLAY: Record<Plan, { publicDisplayName: string; shopifyPlus: boolean }> = {
  standard: { publicDisplayName: 'Basic', shopifyPlus: false },
  advanced: { publicDisplayName: 'Advanced', shopifyPlus: false },
  plus: { publicDisplayName: 'Plus', shopifyPlus: true },
  enterprise: { publicDisplayName: 'Plus', shopifyPlus: true },
};
