/**
 * The cart statuses in which a cart holds its quota and credit before it is an order: cart
 * validation counts them as ordered, and the checkout constraints pushed to Shopify subtract
 * them. A cart entering or leaving this set changes its company location's constraints.
 */
export const RESERVING_CART_STATUSES: readonly string[] = ['creating', 'awaiting_approval', 'completing'];

export const reservesQuota = (status: string): boolean => RESERVING_CART_STATUSES.includes(status);

/** Whether going from `before` to `after` takes a reservation or gives one back. */
export const reservationMoved = (before: string, after: string): boolean => reservesQuota(before) !== reservesQuota(after);
