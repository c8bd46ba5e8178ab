export const EXIT_CLEAN = 0;
/** Errors found (lint), or errors left that need the user (fix). */
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE_OR_USAGE = 2;
