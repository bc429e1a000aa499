import type { ValidationContext, ValidationError, Validator } from './context';
import { VALIDATORS } from './validators';

export interface ValidationResult {
  valid: boolean;
  /** Every error of every rule, not just the first. */
  errors: ValidationError[];
}

/** Runs every validator over the context. Pure. */
export function validateCart(ctx: ValidationContext, validators: readonly Validator[] = VALIDATORS): ValidationResult {
  const errors = validators.flatMap((v) => v.validate(ctx));
  return { valid: errors.length === 0, errors };
}
