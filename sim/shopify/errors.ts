/**
 * Misuse of the simulator (a test or an operator asked for something impossible) throws one
 * of these; requests that Shopify would refuse are answered in Shopify's own shapes instead
 * (GraphQL errors, userErrors), never with these.
 */
export class SimulatorError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An admin request names a shop that was never registered. */
export class UnknownShopError extends SimulatorError {
  constructor(readonly shop: string) {
    super(`shop ${shop} is not registered with the simulator`, 'SHOP_UNKNOWN', { shop });
  }
}

/** An admin request is well-formed JSON but asks for something the simulator cannot do. */
export class InvalidAdminRequestError extends SimulatorError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 'ADMIN_REQUEST_INVALID', details);
  }
}
