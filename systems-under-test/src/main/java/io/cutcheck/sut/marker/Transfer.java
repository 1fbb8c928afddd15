package io.cutcheck.sut.marker;

/** One input record of the bank workload: move {@code amount} from account {@code from} to {@code to}. */
public record Transfer(long offset, String id, String from, String to, long amount) {

    /** The peer that owns an account named {@code "<peer>/<n>"}. */
    public static String owner(String account) {
        int slash = account.indexOf('/');
        return slash < 0 ? "" : account.substring(0, slash);
    }
}
