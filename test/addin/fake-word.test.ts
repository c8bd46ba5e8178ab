import { strict as assert } from 'node:assert';
import { documentXmlOf, openDocx } from '../../src/hosts/docx';
import { buildSeedDocx } from '../support/fixtures';
import { FakeWord } from '../support/fake-word';

/** The fake must behave like Office.js where the host relies on it, or the host tests prove nothing. */
describe('fake Word API semantics', () => {
  let word: FakeWord;
  beforeEach(async () => {
    word = new FakeWord(documentXmlOf(openDocx(await buildSeedDocx('002'))));
  });

  it('queues until sync; a property read before the sync that loads it throws', async () => {
    await word.Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load('items/text');
      assert.equal(word.syncs, 0);
      assert.throws(() => paragraphs.items, /PropertyNotLoaded|not available/);
      await context.sync();
      assert.ok(paragraphs.items.length > 0 && typeof paragraphs.items[0].text === 'string');
      assert.throws(() => paragraphs.items[0].tableNestingLevel, /not available/);
    });
  });

  it('getCellOrNullObject gives a null object; getCell on a missing cell fails the sync', async () => {
    await word.Word.run(async (context) => {
      const tables = context.document.body.tables.load('items');
      await context.sync();
      const missing = tables.items[0].getCellOrNullObject(999, 0).load('value');
      const present = tables.items[0].getCellOrNullObject(0, 0).load('value');
      await context.sync();
      assert.equal(missing.isNullObject, true);
      assert.equal(present.isNullObject, false);
      tables.items[0].getCell(999, 0).load('value');
      await assert.rejects(context.sync(), /does not exist/);
    });
  });

  it('a row inserted earlier in the batch shifts the rows a later getCell addresses', async () => {
    const before = word.cellText(1, 6, 0);
    await word.Word.run(async (context) => {
      const tables = context.document.body.tables.load('items');
      await context.sync();
      const table = tables.items[1];
      const rows = table.rows.load('items');
      await context.sync();
      rows.items[5].insertRows('Before', 1, [['新行']]);
      const shifted = table.getCell(7, 0).load('value');
      await context.sync();
      assert.equal(shifted.value, before);
    });
    assert.equal(word.cellText(1, 5, 0), '新行');
  });

  it('a replaced table’s old object fails; other objects keep their identity', async () => {
    await word.Word.run(async (context) => {
      const tables = context.document.body.tables.load('items');
      await context.sync();
      const [first, second] = tables.items;
      first.delete();
      second.load('rowCount');
      await context.sync();
      assert.ok(second.rowCount > 0);
      first.load('rowCount');
      await assert.rejects(context.sync(), /not valid/);
    });
  });

  it('records every call and counts syncs', async () => {
    await word.Word.run(async (context) => {
      context.document.body.tables.load('items/nestingLevel');
      await context.sync();
    });
    assert.deepEqual(word.calls, ['TableCollection.load(items/nestingLevel)', 'sync']);
    assert.equal(word.syncs, 1);
  });
});
