/**
 * docs/api.md, Plan import: one workbook and a few text fields. Busboy stops reading at these,
 * so an oversized or many-part upload costs no more than the limit.
 */
export const UPLOAD_LIMITS = { fileSize: 2 * 1024 * 1024, files: 1, fields: 4, parts: 5, fieldSize: 4 * 1024, headerPairs: 100 };
