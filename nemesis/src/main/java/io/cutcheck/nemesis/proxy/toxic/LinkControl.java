package io.cutcheck.nemesis.proxy.toxic;

/**
 * What a toxic may do to the link (one direction of one proxied connection) it sits on,
 * beyond passing data along its pipeline.
 */
public interface LinkControl {

    /** A uniform draw in [0, 1): the per-link coin flip against toxicity, jitter and slicing. */
    double nextRandom();

    /** Bytes the toxic discarded, so the link's flow control stops counting them as held. */
    void dropped(int bytes);

    /** Aborts both ends of the connection with a TCP reset (SO_LINGER 0, then close). */
    void resetBothEnds();
}
