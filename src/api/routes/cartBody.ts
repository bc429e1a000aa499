import express, { type Request, type RequestHandler } from 'express';

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
