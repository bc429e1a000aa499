import { AppError } from '../errors';

/** A demo step that did not do what it should; `step` names it, `details` holds the answer we got. */
export class DemoError extends AppError {
  constructor(
    readonly step: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(`${step}: ${message}`, 'DEMO_STEP_FAILED', details);
  }
}

// Answers of our own API and of the simulator, read loosely: the demo prints them, and the
// API's own suites pin their shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Answer {
  status: number;
  body: Json;
}

/** Calls to our API as an operator (the admin token when one is configured) and to the simulator's `/_sim/` API. */
export function createDemoClient(options: { apiUrl: string; adminToken: string | undefined; simulatorUrl: string }) {
  const send = async (url: string, method: string, body: unknown, headers: Record<string, string>): Promise<Answer> => {
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: Json = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (an HTML error page): kept as text for the message.
    }
    return { status: res.status, body: parsed };
  };
  const operator: Record<string, string> = options.adminToken ? { authorization: `Bearer ${options.adminToken}` } : {};
  return {
    apiUrl: options.apiUrl,
    simulatorUrl: options.simulatorUrl,
    api: (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => send(`${options.apiUrl}${route}`, method, body, { ...operator, ...headers }),
    /** As an approver: their token instead of the operator's. */
    asApprover: (token: string, method: string, route: string, body?: unknown) => send(`${options.apiUrl}${route}`, method, body, { authorization: `Bearer ${token}` }),
    sim: (method: string, route: string, body?: unknown) => send(`${options.simulatorUrl}${route}`, method, body, {}),
  };
}

export type DemoClient = ReturnType<typeof createDemoClient>;

/** The answer, or a DemoError naming the step when its status is not the expected one. */
export function expectStatus(step: string, answer: Answer, ...expected: number[]): Json {
  if (!expected.includes(answer.status)) throw new DemoError(step, `HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`, { status: answer.status });
  return answer.body;
}

/** Polls `read` every `intervalMs` until it returns a value; a DemoError past the deadline. */
export async function waitUntil<T>(step: string, read: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new DemoError(step, `not done within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
