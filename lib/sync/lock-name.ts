/**
 * The Web Lock every sync runs under (one tab at a time). Anything that must not overlap a push in
 * flight — abandoning a draft, whose queued mutations it withdraws — takes the same lock. Its own
 * module so that taking it does not load the sync engine.
 */
export const SYNC_LOCK_NAME = "duxue-sync";
