package io.cutcheck.nemesis.disk;

/**
 * What a crash did.
 *
 * @param files dirty files at the crash
 * @param pagesLost dirty 4 KiB pages that never reached the disk
 * @param pagesKept dirty pages a torn crash let through
 * @param changesUndone directory changes rolled back
 * @param changesKept pending directory changes a torn crash let through
 */
public record CrashReport(int files, long pagesLost, long pagesKept, int changesUndone, int changesKept) {}
