package org.liandong.live;

/** Where a returning client says it was on a channel: its last seq and that history's epoch. */
record Resume(Long lastSeq, String epoch) {}
