import type { Format } from './schema';

/**
 * The versions of the national format, oldest first (report-format.md). A later revision is one
 * more entry here, its tables in tables.ts and its migration in migrations.ts.
 */
export const formats: Format[] = [
  {
    id: '2019',
    name: '2019 年试行格式',
    title: '《中华人民共和国政府信息公开工作年度报告格式（试行）》',
    notice: '国办公开办函〔2019〕60号',
    firstYear: 2019,
  },
  {
    id: '2021',
    name: '2021 年格式',
    title: '《中华人民共和国政府信息公开工作年度报告格式》',
    notice: '国办公开办函〔2021〕30号',
    firstYear: 2021,
  },
];
