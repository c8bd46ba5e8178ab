import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  CURRENT_FORMAT, CURRENT_VARIANT, FIRST_FORMAT_YEAR, FORMAT_NAMES, formatForYear, isOlderFormat, migrationFor, template,
} from '../../src/template';
import { TemplateSchema } from '../../src/template/schema';

const SRC = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('format versions are data', () => {
  it('the current format is the latest one, and years map onto the format in force', () => {
    assert.equal(CURRENT_VARIANT, template.formats.at(-1)!.id);
    assert.equal(CURRENT_FORMAT.notice, '国办公开办函〔2021〕30号');
    assert.equal(formatForYear(2020).id, '2019');
    assert.equal(formatForYear(2021).id, '2021');
    assert.equal(formatForYear(2035).id, CURRENT_VARIANT);
    assert.equal(formatForYear(FIRST_FORMAT_YEAR - 5).id, template.formats[0].id, 'before any format: the earliest');
    assert.ok(isOlderFormat('2019', '2021'));
    assert.ok(!isOlderFormat('2021', '2019'));
    assert.ok(!isOlderFormat('2021', '2021'));
  });

  it('every format has a name, every migration runs between two formats', () => {
    for (const f of template.formats) assert.equal(FORMAT_NAMES[f.id], f.name);
    for (const m of template.migrations) {
      assert.ok(isOlderFormat(m.from, m.to), `${m.table}: ${m.from} → ${m.to}`);
      assert.equal(migrationFor(m.table, m.from, m.to), m);
    }
    assert.equal(migrationFor('active', '2021', '2019'), null);
  });

  it('the schema refuses formats out of order, a format without its tables, and a migration to unknown cells', () => {
    const data = structuredClone(template);
    const reversed = { ...data, formats: [...data.formats].reverse() };
    assert.match(TemplateSchema.safeParse(reversed).error!.message, /oldest first/);
    const withoutTable = { ...data, tables: data.tables.filter((t) => !(t.id === 'review' && t.variant === '2019')) };
    assert.match(TemplateSchema.safeParse(withoutTable).error!.message, /format 2019: table review missing/);
    const badMigration = { ...data, migrations: [{ ...data.migrations[0], from: '2021', to: '2019' }] };
    assert.match(TemplateSchema.safeParse(badMigration).error!.message, /unknown cell/);
  });

  it('no format year or notice is written into code outside src/template (comments aside)', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !relative(SRC, file).startsWith('template'))
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').map((line, i) => ({ file: relative(SRC, file), line: i + 1, text: line })))
      .filter(({ text }) => !/^\s*(\/\/|\*|\/\*)/.test(text))
      // A format year as a string or number literal, or a format's notice; Office product versions are not formats.
      .filter(({ text }) => /['"`]20(19|21)['"`]|[（(\s：]20(19|21) 年(试行)?格式|〔20(19|21)〕\d+号|[<>=]\s*20(19|21)\b/.test(text));
    assert.deepEqual(offenders, []);
  });
});
