import { z } from 'zod';

/**
 * Shape of the template knowledge. Everything the engine knows about the national format lives in
 * data of this shape (src/template/tables-*.ts, headings.ts); code never branches on a label.
 */

export const TableIdSchema = z.enum(['active', 'applications', 'review']);
export type TableId = z.infer<typeof TableIdSchema>;

export const VariantSchema = z.enum(['2021', '2019']);
export type Variant = z.infer<typeof VariantSchema>;

/** What a data cell may hold: a count (non-negative integer), a signed change, or money (decimal). */
export const ValueKindSchema = z.enum(['count', 'signed-count', 'amount']);
export type ValueKind = z.infer<typeof ValueKindSchema>;

export const ColumnSchema = z.object({
  key: z.string().min(1),
  label: z.string().min(1),
  /** Column group shown above this column (法人或其他组织, 行政复议, 未经复议直接起诉 …). */
  group: z.string().min(1).nullable(),
  value: ValueKindSchema,
  /** Grid columns the data cell spans (表二's single-column blocks span 3). */
  span: z.number().int().positive(),
  unit: z.string().min(1).nullable(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const HeaderCellSchema = z.object({
  text: z.string(),
  colSpan: z.number().int().positive(),
  rowSpan: z.number().int().positive(),
});
export type HeaderCell = z.infer<typeof HeaderCellSchema>;

export const DataRowSchema = z.object({
  key: z.string().min(1),
  /** Canonical label of the row itself, verbatim from the notice. Empty for 表四's unlabelled row. */
  label: z.string(),
  /** Enclosing group labels, outermost first (三、本年度办理结果 › （三）不予公开). */
  groups: z.array(z.string().min(1)),
});
export type DataRow = z.infer<typeof DataRowSchema>;

export const BlockSchema = z.object({
  /** Full-width title row of the block (表二's 第二十条第（一）项), or null. */
  title: z.string().min(1).nullable(),
  /** Header rows in grid layout (spans as in the standard table). */
  header: z.array(z.array(HeaderCellSchema)),
  columns: z.array(ColumnSchema).min(1),
  rows: z.array(DataRowSchema).min(1),
});
export type Block = z.infer<typeof BlockSchema>;

/**
 * A linear check declared as data: Σ left = Σ right, repeated for every data column ("column":
 * the terms are row keys) or for every data row ("row": the terms are column keys).
 */
export const RelationSchema = z.object({
  id: z.string().regex(/^R\d+$/),
  rule: z.enum(['balance', 'sum-mismatch']),
  forEach: z.enum(['column', 'row']),
  left: z.array(z.string().min(1)).min(1),
  right: z.array(z.string().min(1)).min(1),
  /**
   * Whether the left side is a total (R2–R4: 总计 = Σ parts), which a fix may recompute; R1 has
   * counts on both sides, none of which may be overwritten without the user's choice.
   */
  leftIsTotal: z.boolean(),
  /** Human description used in messages. */
  description: z.string().min(1),
});
export type Relation = z.infer<typeof RelationSchema>;

export const TemplateTableSchema = z.object({
  id: TableIdSchema,
  variant: VariantSchema,
  /** Section numeral of the table (二, 三, 四) as people name it: 表三. */
  numeral: z.string().length(1),
  title: z.string().min(1),
  gridColumns: z.number().int().positive(),
  /** Grid columns used by row labels (0 for 表四). */
  labelColumns: z.number().int().nonnegative(),
  blocks: z.array(BlockSchema).min(1),
  relations: z.array(RelationSchema),
});
export type TemplateTable = z.infer<typeof TemplateTableSchema>;

export const HeadingSchema = z.object({
  numeral: z.string().length(1),
  title: z.string().min(1),
  /** Wordings accepted because the 报告内容 part of the same notice uses them. */
  acceptedTitles: z.array(z.string().min(1)),
  /** The table that belongs under this heading, if any. */
  table: TableIdSchema.nullable(),
});
export type Heading = z.infer<typeof HeadingSchema>;

const CellKeySchema = z.object({ row: z.string().min(1), column: z.string().min(1) });

/** A version of the national format: the notice that issued it and the first report year it applies to. */
export const FormatSchema = z.object({
  id: VariantSchema,
  /** What the user reads (CLI, pane, reviewer's report): one name everywhere. */
  name: z.string().min(1),
  /** The document the notice issued, e.g. 《中华人民共和国政府信息公开工作年度报告格式》. */
  title: z.string().min(1),
  notice: z.string().min(1),
  /** First report year the format applies to; it applies until a later format's first year. */
  firstYear: z.number().int().min(2008),
});
export type Format = z.infer<typeof FormatSchema>;

/** How a table on an older format moves to a newer layout ('*' column: every column alike). */
export const MigrationSchema = z.object({
  table: TableIdSchema,
  from: VariantSchema,
  to: VariantSchema,
  carry: z.array(z.object({ from: CellKeySchema, to: CellKeySchema, confirm: z.boolean() })),
  /** Cells with no source in the older format: the user must fill them in. */
  fillIn: z.array(CellKeySchema),
});
export type Migration = z.infer<typeof MigrationSchema>;

export const TemplateSchema = z
  .object({
    /** Oldest first. */
    formats: z.array(FormatSchema).min(1),
    tables: z.array(TemplateTableSchema),
    headings: z.array(HeadingSchema).length(6),
    migrations: z.array(MigrationSchema),
  })
  .superRefine((template, ctx) => {
    template.formats.forEach((format, i) => {
      const previous = template.formats[i - 1];
      if (previous && previous.firstYear >= format.firstYear) ctx.addIssue({ code: 'custom', message: `format ${format.id}: formats must be listed oldest first, each from a later year` });
      for (const id of TableIdSchema.options) {
        if (!template.tables.some((t) => t.id === id && t.variant === format.id)) ctx.addIssue({ code: 'custom', message: `format ${format.id}: table ${id} missing` });
      }
    });
    for (const table of template.tables) {
      if (!template.formats.some((f) => f.id === table.variant)) ctx.addIssue({ code: 'custom', message: `${table.id}/${table.variant}: no such format` });
    }
    const keysOf = (id: TableId, variant: Variant) => {
      const t = template.tables.find((x) => x.id === id && x.variant === variant);
      return { rows: new Set(t?.blocks.flatMap((b) => b.rows.map((r) => r.key))), columns: new Set(['*', ...(t?.blocks.flatMap((b) => b.columns.map((c) => c.key)) ?? [])]) };
    };
    for (const m of template.migrations) {
      const from = keysOf(m.table, m.from);
      const to = keysOf(m.table, m.to);
      const check = (keys: typeof from, cell: { row: string; column: string }) => {
        if (!keys.rows.has(cell.row) || !keys.columns.has(cell.column)) ctx.addIssue({ code: 'custom', message: `migration ${m.table}: unknown cell ${cell.row}/${cell.column}` });
      };
      for (const c of m.carry) {
        check(from, c.from);
        check(to, c.to);
      }
      for (const c of m.fillIn) check(to, c);
    }
    for (const table of template.tables) {
      for (const block of table.blocks) {
        const width = table.labelColumns + block.columns.reduce((n, c) => n + c.span, 0);
        if (width !== table.gridColumns) {
          ctx.addIssue({ code: 'custom', message: `${table.id}/${table.variant}: block ${block.title ?? ''} is ${width} grid columns wide, not ${table.gridColumns}` });
        }
      }
      const rowKeys = new Set(table.blocks.flatMap((b) => b.rows.map((r) => r.key)));
      const columnKeys = new Set(table.blocks.flatMap((b) => b.columns.map((c) => c.key)));
      for (const relation of table.relations) {
        const terms = [...relation.left, ...relation.right];
        const known = relation.forEach === 'column' ? rowKeys : columnKeys;
        for (const term of terms) {
          if (!known.has(term)) ctx.addIssue({ code: 'custom', message: `${table.id}/${table.variant} ${relation.id}: unknown term ${term}` });
        }
      }
    }
  });
export type Template = z.infer<typeof TemplateSchema>;
