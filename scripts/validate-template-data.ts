/**
 * Build step: the constant template data must match its zod schemas (the runtime uses the typed data
 * without validating it). Run by `npm run build` before compiling; exits 1 with zod's message on a typo.
 */
import { template, textPhrases } from '../src/template';
import { TemplateSchema } from '../src/template/schema';
import { TextPhrasesSchema } from '../src/template/text-phrases-schema';

const problems = [TemplateSchema.safeParse(template), TextPhrasesSchema.safeParse(textPhrases)].flatMap((r) => (r.success ? [] : [r.error.message]));
if (problems.length > 0) {
  console.error(`template data does not match its schema:\n${problems.join('\n')}`);
  process.exit(1);
}
