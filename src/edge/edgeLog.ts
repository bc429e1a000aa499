/**
 * Structured log lines with stable keys. The fields are a closed set on purpose: there is
 * no place for headers or bodies, so a secret or an HMAC cannot be logged by accident.
 */
export interface EdgeLogFields {
  event: string;
  shop?: string;
  topic?: string;
  webhookId?: string;
  status?: number;
  code?: string;
  outcome?: string;
  reason?: string;
  attempts?: number;
  delaySeconds?: number;
  ms?: number;
  bytesIn?: number;
  bytesOut?: number;
}

export interface EdgeLog {
  info(fields: EdgeLogFields): void;
  warn(fields: EdgeLogFields): void;
  error(fields: EdgeLogFields): void;
}

export function createEdgeLog(write: (line: string) => void): EdgeLog {
  const at = (level: string) => (fields: EdgeLogFields) => write(JSON.stringify({ level, ...fields }));
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
