// The emulator stores formulas as sent. It computes plain arithmetic (=1+2*3) so a formula cell has
// a value; anything that needs Smartsheet's formula engine (references, functions) has no value.

export function evaluateFormula(formula: string): number | undefined {
	const expression = formula.slice(1).replace(/\s+/g, '');
	if (!/^[\d.+\-*/()]+$/.test(expression)) return undefined;
	let at = 0;
	const peek = () => expression[at];
	const number = (): number => {
		if (peek() === '(') {
			at++;
			const inner = sum();
			if (peek() !== ')') throw new Error('unbalanced');
			at++;
			return inner;
		}
		if (peek() === '-') {
			at++;
			return -number();
		}
		const match = /^\d+(\.\d+)?/.exec(expression.slice(at));
		if (!match) throw new Error('not a number');
		at += match[0].length;
		return Number(match[0]);
	};
	const product = (): number => {
		let value = number();
		while (peek() === '*' || peek() === '/')
			value = expression[at++] === '*' ? value * number() : value / number();
		return value;
	};
	const sum = (): number => {
		let value = product();
		while (peek() === '+' || peek() === '-')
			value = expression[at++] === '+' ? value + product() : value - product();
		return value;
	};
	try {
		const value = sum();
		return at === expression.length && Number.isFinite(value) ? value : undefined;
	} catch {
		return undefined;
	}
}
