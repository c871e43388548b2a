// A tiny run of the built add-on: loads dist/ into a vm over an emulated spreadsheet holding a few
// survey answers and calls the formulas exactly as Sheets would. `npm run example`.
import { Workbook, loadBundle } from '../test/emulator';

const workbook = new Workbook({
  sheets: {
    Encuestas: [
      ['Cliente', 'Fecha', 'Recomendación', 'Satisfacción'],
      ['C001', '2024-05-02', 10, 5],
      ['C002', '2024-05-03', 9, 4],
      ['C003', '2024-05-03', 'N/A', 3],
      ['C004', '2024-05-06', 6, 2],
      ['C005', '2024-05-07', 8, 5],
      ['C006', '2024-05-09', 10, 4],
    ],
  },
});
const fx = loadBundle(workbook.globals());
const scores = workbook.arg('Encuestas!C2:C7');
const ratings = workbook.arg('Encuestas!D2:D7');
console.log('=NPS(Encuestas!C2:C7)            →', fx.NPS(scores));
console.log(
  '=NPS_CI(Encuestas!C2:C7)         →',
  fx
    .NPS_CI(scores)[0]
    .map((x: number) => x.toFixed(1))
    .join(' … '),
);
console.log('=CSAT(Encuestas!D2:D7)           →', `${(fx.CSAT(ratings) * 100).toFixed(1)} %`);
console.log(
  '=NPS_CATEGORY(Encuestas!C2:C7,"es") →',
  fx
    .NPS_CATEGORY(scores, 'es')
    .map((r: string[]) => r[0] || '(blank)')
    .join(', '),
);
console.table(fx.NPS_BREAKDOWN(scores));
try {
  fx.NPS([[9], [11]]);
} catch (error) {
  console.log('=NPS({9;11})                     → #ERROR!', (error as Error).message);
}
