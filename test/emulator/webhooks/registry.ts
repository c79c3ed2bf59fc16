// The emulator's webhooks and their delivery, one registry per emulator state (a reset starts a new
// one and stops the old one's deliveries, so no callback of one test reaches the next).
import { WebhookDelivery } from './delivery';
import type { Webhook } from './model';

export class WebhookRegistry {
	readonly webhooks = new Map<string, Webhook>();
	readonly delivery = new WebhookDelivery();
	private sequence = 0;

	nextSequence(): number {
		return ++this.sequence;
	}

	onSheet(sheetId: string): Webhook[] {
		return [...this.webhooks.values()].filter((webhook) => webhook.scopeObjectId === sheetId);
	}

	/** Whether a change to the sheet can reach anyone (saves observing writes nobody listens to). */
	watched(sheetId: string): boolean {
		for (const webhook of this.webhooks.values())
			if (webhook.scopeObjectId === sheetId && webhook.status === 'ENABLED') return true;
		return false;
	}

	stop(): void {
		this.delivery.stop();
	}
}
