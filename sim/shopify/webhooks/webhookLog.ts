/** Every delivery a shop's webhook sender made, with every attempt, for inspection. */
export interface DeliveryAttempt {
  attempt: number;
  at: string;
  durationMs: number;
  outcome: 'delivered' | 'http_error' | 'timeout' | 'network_error';
  status: number | null;
  error: string | null;
  nextAttemptInMs: number | null;
}

export interface Delivery {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  url: string;
  apiVersion: string;
  triggeredAt: string;
  /** The exact bytes sent (and signed) on every attempt. */
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
}

export class WebhookLog {
  private readonly deliveries = new Map<string, Delivery>();

  add(delivery: Delivery): void {
    this.deliveries.set(delivery.webhookId, delivery);
  }

  get(webhookId: string): Delivery | undefined {
    return this.deliveries.get(webhookId);
  }

  all(): Delivery[] {
    return [...this.deliveries.values()];
  }

  clear(): void {
    this.deliveries.clear();
  }
}
