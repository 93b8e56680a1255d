/** The longest text spoken as one piece (about 20 minutes of speech). */
export const MAX_SPOKEN_CHARS = 20_000;
/** Uploaded programmes: about 100 minutes of a 128 kbps MP3. */
export const UPLOAD_MAX_BYTES = 100 * 1024 * 1024;
/** The longest uploaded programme accepted (a 3-hour file is a mistake, not a bulletin). */
export const UPLOAD_MAX_MS = 2 * 60 * 60 * 1000;
