import { describe, expect, it } from 'vitest';
import {
  generateSample,
  generateSampleWorkbook,
  SAMPLE_HEADERS,
  INJECTION_NAMES,
  type SampleWorkbook,
} from '../../demo/sample/generator';
import { isoDateIn, sheetDate } from '../emulator';
import type { SeedGrid } from '../emulator';

const ZONE = 'Europe/Madrid';
const SMALL = { customers: 200, orders: 2000 };

// The default-size workbook is generated once (≈ 0.3 s) and shared by the shape tests.
const full: SampleWorkbook = generateSample();

type Row = SeedGrid[number];

/** Column index of a header in a sheet. */
function col(sheet: SeedGrid, header: string): number {
  const c = sheet[0].indexOf(header);
  if (c < 0) throw new Error(`no column ${header}`);
  return c;
}

/** Rows of Pedidos the report can read: a customer id, a date cell, a non-negative number amount. */
function validOrders(w: SampleWorkbook): Row[] {
  return w.sheets.Pedidos.slice(1).filter(
    (r) => r[0] !== '' && r[1] instanceof Date && typeof r[2] === 'number' && r[2] >= 0,
  );
}

function iso(d: unknown, zone = ZONE): string {
  return isoDateIn(d as Date, zone);
}

describe('sample workbook: determinism', () => {
  it('gives an identical workbook for the same seed and a different one for another seed', () => {
    const a = generateSampleWorkbook({ ...SMALL, seed: 7 });
    const b = generateSampleWorkbook({ ...SMALL, seed: 7 });
    const c = generateSampleWorkbook({ ...SMALL, seed: 8 });
    expect(a).toEqual(b);
    expect(a.Pedidos).not.toEqual(c.Pedidos);
    expect(a.Encuestas).not.toEqual(c.Encuestas);
  });

  it('does not depend on the host clock: the data ends at the fixed end date', () => {
    const dates = validOrders(full).map((r) => iso(r[1]));
    const sorted = dates.slice().sort();
    expect(sorted[sorted.length - 1]).toBe('2025-12-31');
    expect(sorted[0] >= '2024-01-01').toBe(true);
    expect(full.startDate).toBe('2024-01-01');
  });

  it('honours endDate, timeZone and the sizes', () => {
    const w = generateSample({
      customers: 150,
      orders: 900,
      endDate: '2024-06-30',
      timeZone: 'America/Los_Angeles',
      seed: 3,
    });
    const orders = validOrders(w);
    expect(orders).toHaveLength(900);
    expect(
      w.sheets.Clientes.slice(1).filter(
        (r) => /^CL-\d{5}$/.test(String(r[0])) && r[3] instanceof Date && typeof r[5] === 'number' && r[5] >= 0,
      ),
    ).toHaveLength(150);
    for (const r of orders) {
      const d = iso(r[1], 'America/Los_Angeles');
      expect(d >= '2022-07-01' && d <= '2024-06-30').toBe(true);
    }
    expect(w.startDate).toBe('2022-07-01');
  });

  it('rejects an impossible end date and bad sizes', () => {
    expect(() => generateSample({ endDate: '2025-02-30' })).toThrow(/endDate/);
    expect(() => generateSample({ customers: 0 })).toThrow(/customers/);
    expect(() => generateSample({ orders: 1.5 })).toThrow(/orders/);
  });
});

/** Header synonyms of PRODUCT.md, "The data sheets it reads" (en / es), per sheet and column. */
const ID = ['customer id', 'customer', 'client id', 'id cliente', 'cliente', 'código cliente'];
const DATE = ['date', 'order date', 'fecha', 'fecha pedido'];
const SYNONYMS: Record<string, Record<string, string[]>> = {
  Clientes: {
    id: ID,
    name: ['name', 'customer name', 'nombre'],
    email: ['email', 'e-mail', 'correo'],
    signup: ['signup date', 'first order', 'since', 'fecha alta', 'alta', 'cliente desde'],
    birthday: ['birthday', 'date of birth', 'cumpleaños', 'fecha de nacimiento'],
    cac: ['cac', 'acquisition cost', 'coste adquisición'],
    segment: ['segment', 'plan', 'tier', 'segmento'],
  },
  Pedidos: {
    id: ID,
    date: DATE,
    amount: ['amount', 'total', 'revenue', 'importe', 'ingresos'],
    cost: ['cost', 'coste', 'costo'],
  },
  Encuestas: {
    id: ID,
    date: DATE,
    nps: ['nps', 'likelihood to recommend', 'recommend', 'recomendación', 'probabilidad de recomendar'],
    csat: ['csat', 'satisfaction', 'satisfacción'],
    comment: ['comment', 'feedback', 'comentario', 'opinión'],
    switch: ['likelihood to switch', 'cambiar a la competencia'],
    repurchase: ['repurchase', 'recompra'],
    overall: ['overall experience', 'experiencia global'],
  },
  Suscripciones: {
    id: ID,
    start: ['start', 'inicio'],
    end: ['end', 'fin'],
    mrr: ['monthly amount', 'mrr', 'cuota mensual'],
  },
  Tickets: { id: ID, date: DATE, status: ['status', 'estado'] },
  // PRODUCT.md: "period/date"; the brief of this task names the Spanish period column "Mes".
  Embudo: {
    period: ['period', 'date', 'fecha', 'mes'],
    visits: ['interactions', 'visits', 'leads', 'visitas'],
    goals: ['goals', 'conversions', 'conversiones'],
    carts: ['carts created', 'carritos'],
    purchases: ['purchases completed', 'compras'],
  },
};

/** PRODUCT.md's matching rule: case, accents, spaces and `_` ignored. */
function normalise(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

/** A header names a column when, normalised, it is a synonym or ends with one ("Probabilidad de cambiar a la competencia"). */
function names(header: string, synonyms: string[]): boolean {
  const h = normalise(header);
  return synonyms.some((s) => h === normalise(s) || h.endsWith(normalise(s)));
}

describe('sample workbook: sheets and headers', () => {
  it('has every sheet, with Spanish headers that PRODUCT.md synonyms recognise', () => {
    expect(Object.keys(full.sheets)).toEqual([
      'Clientes',
      'Pedidos',
      'Encuestas',
      'Suscripciones',
      'Tickets',
      'Embudo',
    ]);
    for (const [sheet, columns] of Object.entries(SYNONYMS)) {
      const headers = full.sheets[sheet][0] as string[];
      expect(headers).toEqual(SAMPLE_HEADERS[sheet]);
      for (const [column, synonyms] of Object.entries(columns)) {
        expect(
          headers.filter((h) => names(h, synonyms)),
          `${sheet}.${column}`,
        ).toHaveLength(1);
      }
    }
  });

  it('the synonym check itself tells headers apart', () => {
    expect(names('Fecha_Pedido', DATE)).toBe(true);
    expect(names('IMPORTE', SYNONYMS.Pedidos.amount)).toBe(true);
    expect(names('Importe', SYNONYMS.Pedidos.cost)).toBe(false);
    expect(names('Satisfaccion', SYNONYMS.Encuestas.csat)).toBe(true);
  });
});

describe('sample workbook: a realistic shop', () => {
  const orders = validOrders(full);

  it('has the requested orders and customers', () => {
    expect(orders).toHaveLength(20000);
    expect(new Set(orders.map((r) => r[0])).size).toBe(2000);
  });

  it('has a repeat rate between 20 % and 60 % and a loyal core', () => {
    const perCustomer = new Map<unknown, number>();
    for (const r of orders) perCustomer.set(r[0], (perCustomer.get(r[0]) ?? 0) + 1);
    const counts = [...perCustomer.values()];
    const repeat = counts.filter((n) => n >= 2).length / counts.length;
    expect(repeat).toBeGreaterThan(0.2);
    expect(repeat).toBeLessThan(0.6);
    // One-time buyers are many; the top 10 % of customers place a large share of the orders.
    counts.sort((a, b) => b - a);
    const top = counts.slice(0, counts.length / 10).reduce((a, b) => a + b, 0);
    expect(top / orders.length).toBeGreaterThan(0.35);
  });

  it('peaks in December and dips in summer', () => {
    const revenue = new Map<string, number>();
    for (const r of orders) {
      const month = iso(r[1]).slice(0, 7);
      revenue.set(month, (revenue.get(month) ?? 0) + (r[2] as number));
    }
    expect(revenue.size).toBe(24);
    for (const year of ['2024', '2025']) {
      const months = [...revenue].filter(([m]) => m.startsWith(year)).map(([, v]) => v);
      const mean = months.reduce((a, b) => a + b, 0) / 12;
      expect(revenue.get(`${year}-12`)!).toBeGreaterThan(mean);
      expect(revenue.get(`${year}-08`)!).toBeLessThan(mean);
    }
  });

  it('has costs below amounts and plausible basket sizes', () => {
    const amounts = orders.map((r) => r[2] as number);
    const mean = amounts.reduce((a, b) => a + b, 0) / amounts.length;
    expect(mean).toBeGreaterThan(25);
    expect(mean).toBeLessThan(80);
    for (const r of orders) expect(r[3] as number).toBeLessThan(r[2] as number);
  });
});

describe('sample workbook: dirty rows and injection texts', () => {
  /** Independent check of a Pedidos row: why the report cannot read it. */
  function unreadable(r: Row): string | null {
    if (r[0] === '' || r[0] === null) return 'blank customer id';
    if (!(r[1] instanceof Date)) return 'bad date';
    if (typeof r[2] !== 'number') return 'text amount';
    if (r[2] < 0) return 'negative amount';
    return null;
  }

  it('plants ≈ 0.2 % unreadable orders of every kind, all listed in the manifest', () => {
    const found = full.sheets.Pedidos.map((r, i) => ({ row: i + 1, reason: i === 0 ? null : unreadable(r) })).filter(
      (x) => x.reason,
    );
    const listed = full.dirty.filter((d) => d.sheet === 'Pedidos');
    expect(found).toEqual(listed.map((d) => ({ row: d.row, reason: d.reason })));
    expect(found.length / 20000).toBeGreaterThan(0.001);
    expect(found.length / 20000).toBeLessThan(0.005);
    expect(new Set(found.map((x) => x.reason))).toEqual(
      new Set(['blank customer id', 'bad date', 'text amount', 'negative amount']),
    );
    const texts = found
      .map((x) => full.sheets.Pedidos[x.row - 1])
      .flatMap((r) => r.filter((v) => typeof v === 'string'));
    expect(texts).toContain('pendiente'); // an amount no reader can take
    expect(texts.some((t) => /^3[01]\/(02|04|06|09|11)\/20\d\d$/.test(t as string))).toBe(true); // like "31/02/2025"
  });

  it('plants dirty customer rows of every kind, listed in the manifest', () => {
    const clientes = full.sheets.Clientes;
    const listed = full.dirty.filter((d) => d.sheet === 'Clientes');
    expect(new Set(listed.map((d) => d.reason))).toEqual(
      new Set(['blank customer id', 'bad date', 'text amount', 'negative amount']),
    );
    for (const d of listed) {
      const value = clientes[d.row - 1][col(clientes, d.column)];
      if (d.reason === 'blank customer id') expect(value).toBe('');
      if (d.reason === 'bad date') expect(value).toMatch(/^\d\d\/\d\d\/\d{4}$/);
      if (d.reason === 'text amount') expect(value).toBe('pendiente');
      if (d.reason === 'negative amount') expect(value as number).toBeLessThan(0);
    }
    // Every other row is clean: an id, a date cell, a non-negative CAC.
    const clean = clientes.slice(1).filter((_, i) => !listed.some((d) => d.row === i + 2));
    for (const r of clean) {
      expect(r[0]).toMatch(/^CL-\d{5}$/);
      expect(r[3]).toBeInstanceOf(Date);
      expect(r[5] as number).toBeGreaterThanOrEqual(0);
    }
    expect(clean).toHaveLength(2000);
  });

  it('gives real customers names starting with =, +, - and @, and a comment starting with -', () => {
    const clientes = full.sheets.Clientes;
    const injected = clientes.slice(1).filter((r) => /^[=+\-@]/.test(String(r[1])));
    expect(injected.map((r) => r[1]).sort()).toEqual([...INJECTION_NAMES].sort());
    expect(injected.some((r) => String(r[1]).startsWith('=HYPERLINK('))).toBe(true);
    const buyers = new Set(validOrders(full).map((r) => r[0]));
    for (const r of injected) expect(buyers.has(r[0])).toBe(true);
    for (const cell of full.injections)
      expect(full.sheets[cell.sheet][cell.row - 1][col(full.sheets[cell.sheet], cell.column)]).toBe(cell.text);
    expect(full.injections.some((c) => c.sheet === 'Encuestas' && c.text.startsWith('- '))).toBe(true);
  });
});

describe('sample workbook: dates', () => {
  it('holds every date as a Date at local midnight of the zone (ticket times: date-times after the opening)', () => {
    for (const zone of [ZONE, 'America/Los_Angeles']) {
      const w = zone === ZONE ? full.sheets : generateSampleWorkbook({ ...SMALL, timeZone: zone });
      let dates = 0;
      let times = 0;
      for (const [name, rows] of Object.entries(w)) {
        for (const row of rows) {
          row.forEach((v, c) => {
            if (!(v instanceof Date)) return;
            if (name === 'Tickets' && c >= 3) {
              // First response and resolved: whole minutes after the day the ticket was opened.
              times++;
              expect(v.getTime() % 60_000).toBe(0);
              expect(v.getTime()).toBeGreaterThan((row[1] as Date).getTime());
              return;
            }
            dates++;
            expect(sheetDate(isoDateIn(v, zone), zone).getTime()).toBe(v.getTime());
          });
        }
      }
      expect(dates).toBeGreaterThan(2000);
      expect(times).toBeGreaterThan(100);
    }
  });

  it('has birthdays on 29 February and birthdays in the 30 days after the end date', () => {
    for (const w of [full.sheets, generateSampleWorkbook(SMALL)]) {
      const birthdays = w.Clientes.slice(1)
        .map((r) => r[4])
        .filter((v): v is Date => v instanceof Date)
        .map((d) => iso(d));
      expect(birthdays.filter((b) => b.endsWith('-02-29')).length).toBeGreaterThanOrEqual(2);
      // End 2025-12-31: the next 30 days are 1–30 January.
      expect(birthdays.filter((b) => /-01-(0[1-9]|[12]\d|30)$/.test(b)).length).toBeGreaterThanOrEqual(3);
      expect(w.Clientes.slice(1).some((r) => r[4] === '')).toBe(true); // some customers give none
    }
  });
});

describe('sample workbook: surveys', () => {
  const surveys = full.sheets.Encuestas.slice(1);
  const buyers = new Set(validOrders(full).map((r) => r[0]));

  it('about 20 % of buyers answer, some several times, with valid scales and a few N/A', () => {
    const perCustomer = new Map<unknown, number>();
    for (const r of surveys) perCustomer.set(r[0], (perCustomer.get(r[0]) ?? 0) + 1);
    expect(perCustomer.size / buyers.size).toBeGreaterThan(0.15);
    expect(perCustomer.size / buyers.size).toBeLessThan(0.25);
    expect([...perCustomer.values()].filter((n) => n >= 2).length).toBeGreaterThan(20);
    const na = surveys.filter((r) => r[2] === 'N/A').length;
    expect(na).toBeGreaterThan(0);
    expect(na / surveys.length).toBeLessThan(0.03);
    for (const r of surveys) {
      expect(buyers.has(r[0])).toBe(true);
      if (r[2] !== 'N/A') expect(Number.isInteger(r[2]) && (r[2] as number) >= 0 && (r[2] as number) <= 10).toBe(true);
      for (const c of [3, 5, 6, 7])
        expect(Number.isInteger(r[c]) && (r[c] as number) >= 1 && (r[c] as number) <= 5).toBe(true);
    }
  });

  it('scores move together: NPS correlates with CSAT, repurchase and experience, against switching', () => {
    const scored = surveys.filter((r) => typeof r[2] === 'number');
    const nps = scored.map((r) => r[2] as number);
    const pearson = (xs: number[], ys: number[]) => {
      const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
      const my = ys.reduce((a, b) => a + b, 0) / ys.length;
      let sxy = 0,
        sxx = 0,
        syy = 0;
      xs.forEach((x, i) => {
        sxy += (x - mx) * (ys[i] - my);
        sxx += (x - mx) ** 2;
        syy += (ys[i] - my) ** 2;
      });
      return sxy / Math.sqrt(sxx * syy);
    };
    expect(
      pearson(
        nps,
        scored.map((r) => r[3] as number),
      ),
    ).toBeGreaterThan(0.3);
    expect(
      pearson(
        nps,
        scored.map((r) => r[6] as number),
      ),
    ).toBeGreaterThan(0.3);
    expect(
      pearson(
        nps,
        scored.map((r) => r[7] as number),
      ),
    ).toBeGreaterThan(0.3);
    expect(
      pearson(
        nps,
        scored.map((r) => r[5] as number),
      ),
    ).toBeLessThan(-0.3);
  });

  it('detractors complain about recurring themes and promoters praise', () => {
    const detractor = surveys
      .filter((r) => typeof r[2] === 'number' && r[2] <= 6 && r[4] !== '')
      .map((r) => String(r[4]).toLowerCase());
    const promoter = surveys
      .filter((r) => typeof r[2] === 'number' && r[2] >= 9 && r[4] !== '')
      .map((r) => String(r[4]).toLowerCase());
    for (const theme of ['envío', 'retraso', 'atención', 'precio'])
      expect(detractor.filter((c) => c.includes(theme)).length, theme).toBeGreaterThan(3);
    expect(
      promoter.filter((c) => /excelente|perfecto|encanta|genial|recomendado|estupenda/.test(c)).length,
    ).toBeGreaterThan(5);
    expect(promoter.some((c) => c.includes('retraso'))).toBe(false);
  });

  it('has satisfaction trends, some falling', () => {
    const history = new Map<unknown, number[]>();
    for (const r of surveys)
      if (typeof r[2] === 'number') history.set(r[0], [...(history.get(r[0]) ?? []), r[2] as number]);
    const falling = [...history.values()].filter((h) => h.length >= 2 && h[h.length - 1] < h[0]);
    expect(falling.length).toBeGreaterThan(5);
    // Answers are in date order.
    const dates = surveys.map((r) => (r[1] as Date).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });
});

/** Movements of a customer's subscription rows, found independently from the rows. */
function movements(rows: SeedGrid): Set<string> {
  const byCustomer = new Map<unknown, Row[]>();
  for (const r of rows.slice(1)) byCustomer.set(r[0], [...(byCustomer.get(r[0]) ?? []), r]);
  const kinds = new Set<string>();
  for (const list of byCustomer.values()) {
    list.sort((a, b) => (a[1] as Date).getTime() - (b[1] as Date).getTime());
    list.forEach((r, i) => {
      const next = list[i + 1];
      const end = r[2] instanceof Date ? r[2].getTime() : null;
      if (end === null) return;
      if (!next || (next[1] as Date).getTime() > end) kinds.add('cancellation');
      if (next && (next[1] as Date).getTime() > end) kinds.add('reactivation');
      if (next && (next[1] as Date).getTime() === end)
        kinds.add((next[3] as number) > (r[3] as number) ? 'upgrade' : 'downgrade');
    });
  }
  return kinds;
}

describe('sample workbook: subscriptions, tickets and funnel', () => {
  it('has upgrades, downgrades, cancellations and reactivations at any size', () => {
    for (const w of [
      full.sheets,
      generateSampleWorkbook(SMALL),
      generateSampleWorkbook({ customers: 50, orders: 300, seed: 11 }),
    ]) {
      expect(movements(w.Suscripciones)).toEqual(new Set(['upgrade', 'downgrade', 'cancellation', 'reactivation']));
      for (const r of w.Suscripciones.slice(1)) {
        expect([14.9, 24.9, 39.9]).toContain(r[3]);
        if (r[2] instanceof Date) expect(r[2].getTime()).toBeGreaterThan((r[1] as Date).getTime());
        else expect(r[2]).toBe('');
      }
    }
    expect(full.sheets.Suscripciones.slice(1).filter((r) => r[2] === '').length).toBeGreaterThan(30); // active ones
  });

  it('has tickets with the three statuses, recent ones still open', () => {
    const tickets = full.sheets.Tickets.slice(1);
    expect(new Set(tickets.map((r) => r[2]))).toEqual(new Set(['abierto', 'cerrado', 'pendiente']));
    const old = tickets.filter((r) => iso(r[1]) < '2025-06-01');
    expect(old.filter((r) => r[2] === 'cerrado').length / old.length).toBeGreaterThan(0.9);
  });

  it('has a monthly funnel whose purchases are the month’s orders', () => {
    const perMonth = new Map<string, number>();
    for (const r of validOrders(full))
      perMonth.set(iso(r[1]).slice(0, 7), (perMonth.get(iso(r[1]).slice(0, 7)) ?? 0) + 1);
    const funnel = full.sheets.Embudo.slice(1);
    expect(funnel).toHaveLength(24);
    for (const [mes, visitas, conversiones, carritos, compras] of funnel) {
      expect(iso(mes).endsWith('-01')).toBe(true);
      expect(compras).toBe(perMonth.get(iso(mes).slice(0, 7)));
      expect(carritos as number).toBeGreaterThan(compras as number);
      expect(visitas as number).toBeGreaterThan(carritos as number);
      expect(conversiones as number).toBeGreaterThanOrEqual(compras as number);
    }
  });
});

describe('sample workbook: size', () => {
  it('generates 100 000 orders for 20 000 customers in under 2 s of CPU', () => {
    // CPU time (all threads of this process, GC included), not wall time: the machine is shared,
    // and wall time measures the neighbours.
    const started = process.cpuUsage();
    const w = generateSample({ customers: 20000, orders: 100000, seed: 5 });
    const used = process.cpuUsage(started);
    const elapsed = (used.user + used.system) / 1000;
    expect(validOrders(w)).toHaveLength(100000);
    expect(w.sheets.Clientes.length).toBeGreaterThan(20000);
    expect(elapsed).toBeLessThan(2000);
  });
});
