package io.cutcheck.sut;

/** Starts one node of a reference system; the role comes from the node configuration. */
public final class Main {
    public static void main(String[] args) {
        System.err.println("usage: cutcheck-sut --node-config FILE");
        System.exit(2);
    }
}
