import { strict as assert } from 'node:assert';
import { OfficeMockObject } from 'office-addin-mock';
import { createWordHost } from '../../src/hosts/word';

/** Smoke tests with Microsoft's office-addin-mock (no queued-command semantics: see fake-word for those). */
function officeMock(supported: string[], stored: Record<string, unknown> = {}) {
  const values = { ...stored };
  const office = new OfficeMockObject({
    context: {
      requirements: { isSetSupported: (name: string, version: string) => name === 'WordApi' && supported.includes(version) },
      document: {
        settings: {
          get: (key: string) => values[key] ?? null,
          set: (key: string, value: unknown) => { values[key] = value; },
          saveAsync: (callback: (r: { status: string }) => void) => callback({ status: 'succeeded' }),
        },
      },
    },
  });
  return { office: office as unknown as typeof Office, values };
}

function wordMock(selected: string[]) {
  const paragraph = (name: string) => ({ text: name, select: () => { selected.push(name); } });
  const data = {
    context: { document: { body: { paragraphs: { items: [paragraph('标题'), paragraph('一、总体情况')] } } } },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback((this as unknown as { context: unknown }).context);
    },
  };
  return new OfficeMockObject(data) as unknown as typeof Word;
}

describe('Word host smoke tests with office-addin-mock', () => {
  it('capabilities follow the supported requirement sets', async () => {
    const old = await createWordHost({ Word: wordMock([]), Office: officeMock(['1.1', '1.2', '1.3']).office });
    assert.deepEqual([old.capabilities.comments, old.capabilities.trackChanges, old.capabilities.changeEvents], [false, false, false]);
    assert.equal(old.capabilities.notes.length, 2);
    const current = await createWordHost({ Word: wordMock([]), Office: officeMock(['1.3', '1.4', '1.6']).office });
    assert.deepEqual([current.capabilities.comments, current.capabilities.trackChanges, current.capabilities.changeEvents], [true, true, true]);
    assert.deepEqual(current.capabilities.notes, []);
  });

  it('reveal selects the paragraph by its index', async () => {
    const selected: string[] = [];
    const host = await createWordHost({ Word: wordMock(selected), Office: officeMock(['1.3']).office });
    await host.reveal({ paragraphIndex: 1 });
    assert.deepEqual(selected, ['一、总体情况']);
  });

  it('ignored keys are kept in the document settings; bad stored values are ignored', async () => {
    const { office, values } = officeMock(['1.3'], { 'nianbao.ignored': 'not a list' });
    const host = await createWordHost({ Word: wordMock([]), Office: office });
    assert.deepEqual(await host.loadIgnored(), []);
    await host.saveIgnored(['a', 'b', 'a']);
    assert.deepEqual(values['nianbao.ignored'], ['a', 'b']);
    assert.deepEqual(await host.loadIgnored(), ['a', 'b']);
  });
});
