/** Upload size limit for attachments and imports (20 MB). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
