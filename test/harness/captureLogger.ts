// Every line n8n-core or a node logs during a test run, kept in memory so a test can scan it for
// secrets. Installed both as n8n's DI Logger (what `this.logger` resolves to) and as LoggerProxy.
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

export interface CapturedLine {
	level: string;
	message: string;
	meta: string;
}

export const capturedLines: CapturedLine[] = [];

function record(level: string) {
	return (message: string, meta: unknown = {}) => {
		capturedLines.push({ level, message: String(message), meta: safeStringify(meta) });
	};
}

const captureLogger = {
	error: record('error'),
	warn: record('warn'),
	info: record('info'),
	debug: record('debug'),
	scoped: () => captureLogger,
};

export function installCaptureLogger(): void {
	Container.set(Logger, captureLogger as unknown as Logger);
	LoggerProxy.init(captureLogger as never);
}

function safeStringify(value: unknown): string {
	try {
		return JSON.stringify(value, (_key, inner) =>
			inner instanceof Error
				? { name: inner.name, message: inner.message, stack: inner.stack }
				: inner,
		);
	} catch {
		return String(value);
	}
}
