/**
 * What the Marketplace listing needs stays true to the add-on: the listing texts keep the store's
 * limits in both languages and name only formulas that exist; the privacy policy (and its Spanish
 * version) names every scope of appsscript.json, every key the code stores, the report sheet's
 * name, the Limited Use statement and the error logging the manifest turns on — read from the files,
 * so that a change in the code fails here until the policy says it; the icons, banner and
 * screenshots have the pixel sizes the listing asks for; every link of the publishing guide opens a
 * file of the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportLabels } from '../../src/report/labels';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Characters as the store counts them (code points, so "é" is one). */
const length = (text: string) => [...text].length;

/** The first ```text block under a `## heading` of a listing file. */
function field(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const section = markdown.slice(start + 1).split(/\n## /)[0];
  const block = /```text\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error(`no \`\`\`text block under "## ${heading}"`);
  return block[1];
}

const LISTINGS = {
  en: {
    file: 'docs/listing/en.md',
    name: 'Application name',
    short: 'Short description',
    detailed: 'Detailed description',
    tip: 'Post-install tip',
  },
  es: {
    file: 'docs/listing/es.md',
    name: 'Nombre de la aplicación',
    short: 'Descripción breve',
    detailed: 'Descripción detallada',
    tip: 'Consejo tras la instalación',
  },
} as const;

function listing(language: keyof typeof LISTINGS) {
  const spec = LISTINGS[language];
  const markdown = read(spec.file);
  return {
    markdown,
    name: field(markdown, spec.name),
    short: field(markdown, spec.short),
    detailed: field(markdown, spec.detailed),
    tip: field(markdown, spec.tip),
  };
}

interface Manifest {
  oauthScopes?: string[];
  exceptionLogging?: string;
}
const manifest = JSON.parse(read('appsscript.json')) as Manifest;

/** Every TypeScript file under src/. */
function sourceFiles(dir = path.join(ROOT, 'src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}
const source = sourceFiles()
  .map((file) => fs.readFileSync(file, 'utf8'))
  .join('\n');

/** The keys the code stores under (document properties, developer metadata): `'fideliza.…'` literals. */
const storedKeys = [...new Set([...source.matchAll(/['"`](fideliza\.[a-z][\w.-]*)['"`]/g)].map((m) => m[1]))];

const POLICIES = { en: 'docs/legal/privacy.md', es: 'docs/legal/privacy.es.md' } as const;
const TERMS = { en: 'docs/legal/terms.md', es: 'docs/legal/terms.es.md' } as const;
const LIMITED_USE =
  "Fideliza's use and transfer to any other app of information received from Google APIs will adhere to the Google API Services User Data Policy, including the Limited Use requirements.";
const PLACEHOLDER_ADDRESS = 'privacy@fideliza.example';

/** Text with line breaks and Markdown emphasis/links flattened, for phrase searches. */
function flat(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ');
}

/** PNG width, height and colour type from the IHDR chunk. */
function pngHeader(file: string): { width: number; height: number; colourType: number } {
  const png = fs.readFileSync(path.join(ROOT, file));
  expect(png.subarray(0, 8), `${file} is a PNG`).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16), `${file} starts with IHDR`).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] };
}

/** Relative link targets of a Markdown file (external links and pure anchors left out). */
function relativeLinks(file: string): string[] {
  const markdown = read(file);
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => decodeURI(target.split('#')[0]));
}

describe('store listing texts (docs/listing)', () => {
  it('keep the store limits in both languages: name ≤ 50, short description ≤ 200, detailed < 16 000', () => {
    for (const language of ['en', 'es'] as const) {
      const { name, short, detailed } = listing(language);
      expect(length(name), `${language} name`).toBeGreaterThan(0);
      expect(length(name), `${language} name`).toBeLessThanOrEqual(50);
      expect(length(short), `${language} short description`).toBeGreaterThan(60);
      expect(length(short), `${language} short description`).toBeLessThanOrEqual(200);
      expect(short, `${language} short description is one line`).not.toContain('\n');
      expect(length(detailed), `${language} detailed description`).toBeLessThan(16_000);
      expect(detailed, `${language}: short and detailed descriptions differ`).not.toBe(short);
    }
  });

  it('use one application name, the same as the consent screen would, without Google trademarks', () => {
    const en = listing('en').name;
    expect(listing('es').name).toBe(en);
    expect(en).not.toMatch(/google|sheets|hojas de c[aá]lculo|workspace/i);
    expect(en).not.toMatch(/\d|[()[\]]/); // no version number, no brackets (review criteria)
    expect(read('docs/publishing.md')).toContain(`\`${en}\``);
  });

  it('name only formulas that exist and menu items the add-on has', () => {
    const functions = new Set([...read('docs/functions.md').matchAll(/^### ([A-Z][A-Z0-9_]*)$/gm)].map((m) => m[1]));
    expect(functions.size).toBeGreaterThan(20);
    for (const language of ['en', 'es'] as const) {
      const { short, detailed, tip } = listing(language);
      const named = [...`${short}\n${detailed}\n${tip}`.matchAll(/\b([A-Z][A-Z0-9_]{2,})\(/g)].map((m) => m[1]);
      expect(named.length, language).toBeGreaterThan(3);
      for (const fn of named) expect(functions, `${language} names ${fn}`).toContain(fn);
    }
    const menu = read('src/ui/menu.ts');
    for (const item of ['Generate KPI report', 'Refresh last report', 'Function help'])
      expect(menu, item).toContain(`'${item}'`);
    expect(listing('en').detailed).toContain('Extensions > Fideliza > Generate KPI report');
    for (const item of ['Generar informe de KPI', 'Actualizar último informe', 'Ayuda de fórmulas']) {
      expect(menu, item).toContain(`'${item}'`);
      expect(listing('es').detailed).toContain(`Extensiones > Fideliza > ${item}`);
    }
  });

  it('make no claims the add-on cannot back: no ratings, user counts, awards or certifications', () => {
    for (const language of ['en', 'es'] as const) {
      const { short, detailed, tip } = listing(language);
      expect(`${short}\n${detailed}\n${tip}`).not.toMatch(
        /★|\bstars?\b|estrellas|\d[\d.,]*\s*(\+\s*)?(users|usuarios|installs|instalaciones|customers|clientes)\b|award|premio|certif|ISO ?27001|SOC ?2|GDPR[- ]compliant|#1|n\.º 1|best|mejor /i,
      );
    }
  });

  it('speak Spanish in one voice, tú, as Google’s own Spanish interface does', () => {
    const { short, detailed, tip } = listing('es');
    const text = `${short}\n${detailed}\n${tip}`;
    expect(text).not.toMatch(/\busted(es)?\b|\bUd\.|\bsus hojas\b|\bescriba\b|\babra\b|\belija\b|\bcorrija\b/i);
    expect(text).toMatch(/\btus\b/);
  });
});

describe('privacy policy and terms (docs/legal)', () => {
  it('name every OAuth scope of appsscript.json, and no other', () => {
    const scopes = manifest.oauthScopes ?? [];
    expect(scopes.length).toBeGreaterThan(0);
    for (const file of [...Object.values(POLICIES), 'docs/publishing.md']) {
      const text = read(file);
      for (const scope of scopes) expect(text, `${file} names ${scope}`).toContain(scope);
      const named = new Set(text.match(/https:\/\/www\.googleapis\.com\/auth\/[\w.-]+/g) ?? []);
      for (const scope of named)
        expect(scopes, `${file} names ${scope}, which the manifest does not ask for`).toContain(scope);
    }
  });

  it('name every key the code stores under, and say where (document properties, developer metadata)', () => {
    // What the code stores today; a new key or a new kind of storage must be described first.
    expect(storedKeys.sort()).toEqual(
      expect.arrayContaining(['fideliza.progress', 'fideliza.settings', 'fideliza.sheet']),
    );
    const stores = new Set([...source.matchAll(/PropertiesService\.get(\w+)Properties\(/g)].map((m) => m[1]));
    expect([...stores], 'the policy describes document properties only').toEqual(['Document']);
    expect(source, 'the policy says nothing is cached').not.toMatch(/\bCacheService\b/);
    expect(source).toMatch(/addDeveloperMetadata\(/);
    for (const file of Object.values(POLICIES)) {
      const text = read(file);
      for (const key of storedKeys) expect(text, `${file} names ${key}`).toContain(key);
    }
    expect(flat(read(POLICIES.en))).toMatch(/document properties/i);
    expect(flat(read(POLICIES.en))).toMatch(/developer metadata/i);
    expect(flat(read(POLICIES.es))).toMatch(/propiedades del documento/i);
    expect(flat(read(POLICIES.es))).toMatch(/metadatos de desarrollador/i);
  });

  it('name the report sheet the add-on writes, in both languages', () => {
    for (const file of Object.values(POLICIES)) {
      for (const language of ['en', 'es'] as const) {
        const sheet = reportLabels(language).sheetName;
        expect(read(file), `${file} names the sheet "${sheet}"`).toContain(sheet);
      }
    }
  });

  it('say "no external requests" only while the code makes none', () => {
    expect(manifest.oauthScopes ?? []).not.toContain('https://www.googleapis.com/auth/script.external_request');
    expect(source).not.toMatch(/\b(UrlFetchApp|MailApp|GmailApp|DriveApp)\b/);
    expect(flat(read(POLICIES.en))).toMatch(/no requests outside Google Sheets/i);
    expect(flat(read(POLICIES.es))).toMatch(/No hace peticiones fuera de Hojas de cálculo/i);
  });

  it('describe the error logging exactly when the manifest turns it on', () => {
    const logging = manifest.exceptionLogging === 'STACKDRIVER';
    for (const file of Object.values(POLICIES)) {
      const text = read(file);
      expect(text.includes('Cloud Logging'), `${file} mentions Cloud Logging`).toBe(logging);
      expect(text.includes('exceptionLogging'), `${file} names exceptionLogging`).toBe(logging);
    }
  });

  it('carry the Limited Use statement in the form Google asks for', () => {
    expect(flat(read(POLICIES.en))).toContain(LIMITED_USE);
    const es = flat(read(POLICIES.es));
    expect(es).toContain(LIMITED_USE); // the original, beside the translation
    expect(es).toMatch(/requisitos de uso limitado/);
    for (const file of Object.values(POLICIES))
      expect(read(file)).toContain('https://developers.google.com/terms/api-services-user-data-policy');
  });

  it('mark the contact address as a placeholder to replace', () => {
    for (const file of [...Object.values(POLICIES), ...Object.values(TERMS)]) {
      const lines = read(file)
        .split('\n')
        .filter((line) => line.includes(PLACEHOLDER_ADDRESS));
      expect(lines.length, `${file} has the contact address`).toBeGreaterThan(0);
      for (const line of lines) expect(line, file).toMatch(/placeholder|de ejemplo/i);
    }
  });

  it('say how to remove everything: the sheet (and its metadata), the add-on, the properties', () => {
    const en = flat(read(POLICIES.en));
    expect(en).toMatch(/Uninstall/);
    expect(en).toMatch(/metadata is deleted with it/);
    expect(en).toMatch(/uninstalling the add-on does not delete them/);
    const es = flat(read(POLICIES.es));
    expect(es).toMatch(/Desinstalar/);
    expect(es).toMatch(/se eliminan con ella/);
    expect(es).toMatch(/desinstalar el complemento no las borra/);
  });
});

describe('graphics (assets/icons, docs/listing/screenshots)', () => {
  it('the icon source is one square SVG', () => {
    const svg = read('assets/icon.svg');
    expect(svg).toMatch(/<svg[^>]*viewBox="0 0 128 128"/);
    expect(svg).toContain('#1a73e8');
  });

  it('icons, OAuth logo and card banner have the sizes the listing asks for', () => {
    const sizes: Record<string, [number, number]> = {
      'icon-32.png': [32, 32],
      'icon-48.png': [48, 48],
      'icon-96.png': [96, 96],
      'icon-128.png': [128, 128],
      'oauth-logo-120.png': [120, 120],
      'banner-220x140.png': [220, 140],
    };
    for (const [file, [width, height]] of Object.entries(sizes)) {
      const header = pngHeader(`assets/icons/${file}`);
      expect([header.width, header.height], file).toEqual([width, height]);
      // icons keep transparent corners (RGBA); the banner may be opaque
      if (file.startsWith('icon-')) expect(header.colourType, `${file} has alpha`).toBe(6);
    }
  });

  it('screenshots are 1280 × 800, 1 to 10 per language, and each listing shows all of its own', () => {
    const dir = 'docs/listing/screenshots';
    const files = fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.png'));
    for (const language of ['en', 'es'] as const) {
      const own = files.filter((f) => f.startsWith(`${language}-`)).sort();
      expect(own.length, language).toBeGreaterThanOrEqual(1);
      expect(own.length, language).toBeLessThanOrEqual(10);
      const markdown = listing(language).markdown;
      for (const file of own) {
        const header = pngHeader(`${dir}/${file}`);
        expect([header.width, header.height], file).toEqual([1280, 800]);
        expect(markdown, `${LISTINGS[language].file} lists ${file}`).toContain(`screenshots/${file}`);
      }
    }
  });
});

describe('docs/publishing.md', () => {
  it('links only files that exist (listing, legal texts, graphics)', () => {
    for (const file of ['docs/publishing.md', 'docs/listing/en.md', 'docs/listing/es.md']) {
      const links = relativeLinks(file);
      expect(links.length).toBeGreaterThan(3);
      for (const target of links)
        expect(fs.existsSync(path.join(ROOT, path.dirname(file), target)), `${file} → ${target}`).toBe(true);
    }
    const guide = read('docs/publishing.md');
    for (const file of [
      'listing/en.md',
      'listing/es.md',
      'legal/privacy.md',
      'legal/privacy.es.md',
      'legal/terms.md',
      'legal/terms.es.md',
    ])
      expect(guide, file).toContain(`](${file}`);
  });

  it('keeps the steps a listing needs, and says what could not be confirmed', () => {
    const guide = flat(read('docs/publishing.md'));
    for (const step of [
      'standard Google Cloud project',
      'OAuth consent screen',
      'versioned deployment',
      'clasp deploy',
      'Google Workspace Marketplace SDK',
      'App Configuration',
      'Script ID',
      'cannot be changed later',
      'Store Listing',
      'Review',
      'What could not be confirmed',
    ])
      expect(guide, step).toContain(step);
  });
});
