export function renderFunctionsDoc(root?: string): string;
