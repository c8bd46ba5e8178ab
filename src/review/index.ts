export { buildReview, type Review } from './review';
export { renderReviewHtml, type ReviewPageOptions } from './render-html';
export { reviewJson } from './review-json';
export { agencyOf, summariseLint, unreadableSummary, COUNTED_AREAS, type CountedArea, type Finding, type PreviewTable, type ReportSummary } from './summary';
