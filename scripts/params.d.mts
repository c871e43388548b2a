import type { ParamSpec } from '../src/sheets/declaration';
export function describeParam(spec: ParamSpec, language: 'en' | 'es', elementwise?: boolean): string;
