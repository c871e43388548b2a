/**
 * Embedded charts: each builder has exactly the methods of its class in the Apps Script reference
 * (checked against @types/google-apps-script, which transcribes it), the options the builders
 * write read back through `getOptions().get(key)`, and every inserted chart is recorded as a plain
 * spec (type, ranges, options, anchor) that a renderer can draw.
 */
import fs from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Enums, Workbook } from './index';

/** Member names of an interface of the Spreadsheet namespace in the @types declaration file. */
let declarations: ts.SourceFile | undefined;
function referenceMembers(interfaceName: string): string[] {
  const file = 'node_modules/@types/google-apps-script/google-apps-script.spreadsheet.d.ts';
  const source = (declarations ??= ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  ));
  let members: string[] | undefined;
  const visit = (node: ts.Node) => {
    if (members) return;
    if (ts.isInterfaceDeclaration(node) && node.name.text === interfaceName)
      members = node.members.map((m) => m.name?.getText(source) ?? '').filter(Boolean);
    else ts.forEachChild(node, visit);
  };
  visit(source);
  if (!members) throw new Error(`no interface ${interfaceName}`);
  return [...new Set(members)].sort();
}

/** Methods an object answers to (own prototype chain, without Object's). */
function methodsOf(object: object): string[] {
  const names = new Set<string>();
  for (
    let proto = Object.getPrototypeOf(object);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto))
      if (name !== 'constructor' && typeof (object as Record<string, unknown>)[name] === 'function') names.add(name);
  }
  return [...names].sort();
}

function setUp() {
  const wb = new Workbook({
    sheets: {
      Data: [
        ['month', 'promoters', 'passives', 'detractors'],
        ['2024-01', 50, 30, 20],
        ['2024-02', 55, 25, 20],
      ],
    },
  });
  const sheet = wb.spreadsheet.getSheetByName('Data')!;
  return { wb, sheet };
}

describe('embedded chart builders', () => {
  it('have exactly the methods of the reference classes', () => {
    const { sheet } = setUp();
    const builders: [string, () => object][] = [
      ['EmbeddedChartBuilder', () => sheet.newChart()],
      ['EmbeddedAreaChartBuilder', () => sheet.newChart().asAreaChart()],
      ['EmbeddedBarChartBuilder', () => sheet.newChart().asBarChart()],
      ['EmbeddedColumnChartBuilder', () => sheet.newChart().asColumnChart()],
      ['EmbeddedComboChartBuilder', () => sheet.newChart().asComboChart()],
      ['EmbeddedHistogramChartBuilder', () => sheet.newChart().asHistogramChart()],
      ['EmbeddedLineChartBuilder', () => sheet.newChart().asLineChart()],
      ['EmbeddedPieChartBuilder', () => sheet.newChart().asPieChart()],
      ['EmbeddedScatterChartBuilder', () => sheet.newChart().asScatterChart()],
      ['EmbeddedTableChartBuilder', () => sheet.newChart().asTableChart()],
    ];
    for (const [name, make] of builders) expect(methodsOf(make()), name).toEqual(referenceMembers(name));
  });

  it('offer axis ranges only on scatter charts, stacking only where the reference has it', () => {
    const { sheet } = setUp();
    const any = (b: object) => b as Record<string, unknown>;
    expect(any(sheet.newChart().asPieChart()).setStacked).toBeUndefined();
    expect(any(sheet.newChart().asPieChart()).set3D).toBeTypeOf('function');
    expect(any(sheet.newChart().asScatterChart()).setXAxisRange).toBeTypeOf('function');
    expect(any(sheet.newChart().asColumnChart()).setXAxisRange).toBeUndefined();
    expect(any(sheet.newChart().asColumnChart()).setStacked).toBeTypeOf('function');
    expect(any(sheet.newChart().asLineChart()).setStacked).toBeUndefined();
    expect(any(sheet.newChart().asBarChart()).reverseDirection).toBeTypeOf('function');
    expect(any(sheet.newChart().asTableChart()).setTitle).toBeUndefined();
  });

  it('write Google Charts options that getOptions().get reads back', () => {
    const { sheet } = setUp();
    // The reference types addRange/setOption/setPosition as returning EmbeddedChartBuilder, so the
    // column-chart methods come first; at run time every method returns the same builder.
    const chart = sheet
      .newChart()
      .asColumnChart()
      .setStacked()
      .setTitle('NPS by month')
      .setColors(['#1e8e3e', '#f9ab00', '#d93025'])
      .setLegendPosition(Enums.Position.BOTTOM as unknown as GoogleAppsScript.Charts.Position)
      .setXAxisTitle('Month')
      .setYAxisTitle('Answers')
      .addRange(sheet.getRange('A1:D3'))
      .setOption('vAxis', { format: 'percent' })
      .setPosition(5, 2, 10, 20)
      .build();
    const options = chart.getOptions();
    expect([
      options.get('title'),
      options.get('isStacked'),
      options.get('legend.position'),
      options.get('hAxis.title'),
      options.get('vAxis.title'),
      options.get('vAxis.format'),
      options.get('missing'),
    ]).toEqual(['NPS by month', true, 'bottom', 'Month', 'Answers', 'percent', null]);
    const container = chart.getContainerInfo();
    expect([
      container.getAnchorRow(),
      container.getAnchorColumn(),
      container.getOffsetX(),
      container.getOffsetY(),
    ]).toEqual([5, 2, 10, 20]);
    expect(chart.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:D3']);
  });

  it('records each inserted chart as a plain spec, updated and removed in place', () => {
    const { wb, sheet } = setUp();
    expect(sheet.getCharts()).toEqual([]);
    const builder = sheet
      .newChart()
      .setChartType(Enums.ChartType.PIE as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A1:B3'))
      .setNumHeaders(1);
    expect(String(builder.getChartType())).toBe('PIE');
    sheet.insertChart(builder.build());
    const [inserted] = sheet.getCharts();
    expect(inserted.getChartId()).toBeTypeOf('number');
    const [spec] = wb.chartSpecs('Data');
    expect(spec).toMatchObject({
      sheet: 'Data',
      type: 'PIE',
      numHeaders: 1,
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    });
    expect(spec.ranges).toEqual([
      {
        sheet: 'Data',
        a1: 'A1:B3',
        values: [
          ['month', 'promoters'],
          ['2024-01', 50],
          ['2024-02', 55],
        ],
        displayValues: [
          ['month', 'promoters'],
          ['2024-01', '50'],
          ['2024-02', '55'],
        ],
      },
    ]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);

    sheet.updateChart(inserted.modify().setOption('title', 'Shares').setPosition(2, 6, 0, 0).build());
    expect(wb.chartSpecs('Data')).toHaveLength(1);
    expect(wb.chartSpecs('Data')[0]).toMatchObject({
      chartId: inserted.getChartId(),
      options: { title: 'Shares' },
      position: { anchorRow: 2, anchorColumn: 6 },
    });
    sheet.removeChart(sheet.getCharts()[0]);
    expect(wb.chartSpecs('Data')).toEqual([]);
  });

  it('keeps the sheet unchanged until a built chart is inserted', () => {
    const { wb, sheet } = setUp();
    const before = wb.fingerprint('Data');
    sheet.newChart().asLineChart().setTitle('x').addRange(sheet.getRange('A1:B3')).build();
    expect(wb.fingerprint('Data')).toBe(before);
  });
});
