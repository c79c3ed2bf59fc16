// The hooks trigger test files share: the emulator (callback URLs on 127.0.0.1 allowed, Smartsheet's
// retry schedule compressed), trigger harnesses that close after each test, and the secrets scan
// over every execution they started (webhook shared secrets included).
import { afterEach } from 'node:test';

import type { INodeParameters, INodeType } from 'n8n-workflow';

import { SmartsheetApi } from '../../credentials/SmartsheetApi.credentials';
import { SmartsheetOAuth2Api } from '../../credentials/SmartsheetOAuth2Api.credentials';
import type { EmulatorOptions } from '../emulator';
import { TriggerHarness } from '../harness/triggerHarness';
import {
	allRunResults,
	issuedSecrets,
	OAUTH_CREDENTIAL,
	PAT_CREDENTIAL,
	type SmartsheetFixture,
} from './smartsheetFixture';
import { useEmulator } from './suite';

export const TRIGGER_EMULATOR: EmulatorOptions = {
	webhooks: { allowInsecureCallbacks: true, retryTimeScale: 1e-5, callbackTimeoutMs: 2000 },
};

export interface TriggerSuite {
	readonly fx: SmartsheetFixture;
	start(
		node: INodeType,
		type: string,
		parameters: INodeParameters,
		authentication?: 'accessToken' | 'oAuth2',
	): Promise<TriggerHarness>;
	/** Waits until the emulator has no callback queued or in flight. */
	idle(): Promise<void>;
}

export function useTriggers(options: EmulatorOptions = TRIGGER_EMULATOR): TriggerSuite {
	const suite = useEmulator(options);
	const open: TriggerHarness[] = [];
	afterEach(async () => {
		for (const webhook of await suite.fx.admin('GET', '/webhooks'))
			issuedSecrets.add(webhook.sharedSecret);
		for (const harness of open.splice(0)) {
			for (const execution of harness.executions)
				allRunResults.push({
					run: execution.run,
					status: execution.status,
					outputs: [],
					hints: [],
				});
			await harness.close();
		}
	});
	return {
		get fx() {
			return suite.fx;
		},
		async start(node, type, parameters, authentication = 'accessToken') {
			const harness = await TriggerHarness.start({
				type,
				node,
				credentialTypes: [new SmartsheetOAuth2Api(), new SmartsheetApi()],
				store: suite.fx.store,
				parameters: { authentication, ...parameters },
				credentials:
					authentication === 'accessToken'
						? { smartsheetApi: PAT_CREDENTIAL }
						: { smartsheetOAuth2Api: OAUTH_CREDENTIAL },
			});
			open.push(harness);
			return harness;
		},
		async idle() {
			const answer = await suite.fx.admin('POST', '/webhooks/idle', { timeoutMs: 10_000 });
			if (!answer.idle) throw new Error('the emulator still had callbacks in flight after 10 s');
		},
	};
}
