import type { Validator } from '../context';
import { creditLimit } from './creditLimit';
import { pricing } from './pricing';
import { quantityRules } from './quantityRules';
import { quota } from './quota';
import { skuExists } from './skuExists';
import { warehouse } from './warehouse';

/** Every rule the engine runs, in the order their errors are listed. Add a rule: add its module here. */
export const VALIDATORS: readonly Validator[] = [skuExists, quantityRules, quota, warehouse, pricing, creditLimit];

/** The rules checkout's Validation Function runs (same modules, same verdicts). */
export const CHECKOUT_VALIDATORS: readonly Validator[] = VALIDATORS.filter((v) => v.atCheckout);
