export function renderFunctionsDoc(errors?: Record<string, string[]>, root?: string): string;
export function writeFunctionsDoc(errors: Record<string, string[]>, check?: boolean): boolean;
