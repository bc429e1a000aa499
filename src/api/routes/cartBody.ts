import express, { type Request, type RequestHandler, type Response } from 'express';
import { parseCartRequest, type CartRequest } from '../../domain/carts/cartRequest';

/** JSON, or `text/csv` `sku,quantity` rows with the cart's other fields as query parameters. */
export const cartBodyParsers: RequestHandler[] = [express.json({ limit: '8mb' }), express.text({ type: ['text/csv', 'text/plain'], limit: '4mb' })];

/** The cart as an object for parseCartRequest; undefined for a media type we do not read (415). */
export function cartBodyOf(req: Request): unknown {
  if (typeof req.body === 'string') {
    // CSV upload: the lines are the body, everything else comes as query parameters.
    return { ...Object.fromEntries(Object.entries(req.query).filter(([, v]) => typeof v === 'string')), linesCsv: req.body };
  }
  return req.is('application/json') ? req.body : undefined;
}

export const UNSUPPORTED_CART_MEDIA = { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send application/json, or text/csv with sku,quantity rows' } };

/**
 * The request's cart, or undefined once the answer is sent: 415 for a media type we do not
 * read, 400 with every problem for a body that is not a cart. Every route taking a cart
 * (and the validation bench's floor, so it costs exactly this) starts here.
 */
export function cartOf(req: Request, res: Response, options: { maxLines: number; invalidMessage: string }): CartRequest | undefined {
  const body = cartBodyOf(req);
  if (body === undefined) {
    res.status(415).json(UNSUPPORTED_CART_MEDIA);
    return undefined;
  }
  const parsed = parseCartRequest(body, { maxLines: options.maxLines });
  if (!parsed.ok) {
    res.status(400).json({ error: { code: 'CART_INVALID', message: options.invalidMessage, details: parsed.problems } });
    return undefined;
  }
  return parsed.cart;
}
