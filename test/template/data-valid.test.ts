import { strict as assert } from 'node:assert';
import { template, textPhrases } from '../../src/template';
import { TemplateSchema } from '../../src/template/schema';
import { TextPhrasesSchema } from '../../src/template/text-phrases-schema';

/**
 * The template data is constant: it is checked here (and by `npm run build`, scripts/validate-template-data.ts)
 * instead of at every start, so the CLI and the pane run on the typed data without loading zod.
 */
describe('the constant template data', () => {
  it('is a valid template (every refinement: formats, tables, migrations, relations) and parsing changes nothing', () => {
    assert.deepEqual(TemplateSchema.parse(template), template);
  });

  it('holds text phrases whose patterns all compile, and parsing changes nothing', () => {
    assert.deepEqual(TextPhrasesSchema.parse(textPhrases), textPhrases);
  });
});
