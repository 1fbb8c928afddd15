package io.cutcheck.cli;

/** The cutcheck command line. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("cutcheck");
    }
}
