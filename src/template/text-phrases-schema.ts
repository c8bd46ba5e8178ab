import { z } from 'zod';

/*
 * The shape of what the text rules look for (the data: ./text-phrases.ts): the phrases that state a
 * count the tables also hold, the placeholder marks the template and other drafts leave behind, the
 * words that make a year something other than "the year of this work", and the words of a fee
 * statement. Patterns are regular-expression sources; parsing compiles every one. The constant
 * data is checked in the build and the tests, not at every start.
 */

const compiles = (source: string) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};
const PatternSchema = z.string().min(1).refine(compiles, { message: 'not a valid regular expression' });

/** A table cell named by template keys ('*' never: every term is one cell). */
export const CellRefSchema = z.object({
  table: z.enum(['active', 'applications', 'review']),
  row: z.string().min(1),
  column: z.string().min(1),
});
export type CellRef = z.infer<typeof CellRefSchema>;

/**
 * A phrase stating one count. `pattern` has exactly one capture group, the number. Each reading is
 * a sum of cells the number may mean (受理: new applications, or new + carried over); a number is
 * contradicted only when it matches no reading. One reading: the phrase is unambiguous (error).
 */
export const CountPhraseSchema = z.object({
  id: z.string().min(1),
  /** What the number is, for messages (收到的申请数). */
  subject: z.string().min(1),
  pattern: PatternSchema,
  readings: z.array(z.array(CellRefSchema).min(1)).min(1),
});
export type CountPhrase = z.infer<typeof CountPhraseSchema>;

/** A phrase that states, without a number, that every listed cell is zero (未收到申请, 未发生行政复议). */
export const NonePhraseSchema = z.object({
  id: z.string().min(1),
  subject: z.string().min(1),
  pattern: PatternSchema,
  zeroCells: z.array(CellRefSchema).min(1),
});
export type NonePhrase = z.infer<typeof NonePhraseSchema>;

export const TextPhrasesSchema = z.object({
  /** Sentences are cut at these characters before phrases are matched. */
  sentenceEnd: PatternSchema,
  counts: z.array(CountPhraseSchema),
  nones: z.array(NonePhraseSchema),
  /** A total followed by its parts: 共 N 条，其中 a 条、b 条… */
  breakdown: z.object({
    total: PatternSchema,
    /** One part (group 1: the number, group 2: its unit, which must be the total's). */
    part: PatternSchema,
  }),
  placeholders: z.array(z.object({ pattern: PatternSchema, description: z.string().min(1) })).min(1),
  reportYear: z.object({
    /** A year written as the time of a sentence's work: 2023年，… / 2023年度我镇… (group 1: the year). */
    yearOfWork: PatternSchema,
    /** Text just before the year that makes it a reference, not the time of this year's work. */
    referenceBefore: PatternSchema,
    /** Text just after the year that does the same (以来, 的问题, 度报告 …). */
    referenceAfter: PatternSchema,
    /** The 统计期限 sentence (group 1: the year it starts in). */
    period: PatternSchema,
    /** How many years back a copied date can be: older years are history, not copying. */
    yearsBack: z.number().int().positive(),
  }),
  /** Section 六 must say something about 信息处理费 from this report year on (国办函〔2020〕109号). */
  feeStatement: z.object({ mentions: PatternSchema, fromYear: z.number().int() }),
});
export type TextPhrases = z.infer<typeof TextPhrasesSchema>;
