package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the input log means for the bank, by the acceptance rule of PROTOCOL.md section 6: each
 * partition's transfers in order, which were accepted, and for each partition and receiving peer
 * the offsets of the accepted transfers that cross to that peer — so the checkers can ask how many
 * credits any prefix of a sender's partition owes a receiver, in one binary search.
 *
 * <p>Partition {@code i} is peer {@code peer-i}'s: it holds only transfers out of its accounts.
 */
final class BankLedger {

    /** Thrown when the input log is not a list of offset-numbered transfers. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final BankOptions options;
    private final String[][] ids;
    private final String[][] froms;
    private final String[][] tos;
    private final boolean[][] accepted;
    private final int[][] amounts;
    /** partition → receiving peer → offsets of accepted transfers to it, ascending */
    private final List<Map<String, int[]>> crossing;
    private final Map<String, Long> finalBalances;

    private BankLedger(BankOptions options, String[][] ids, String[][] froms, String[][] tos, boolean[][] accepted,
                       int[][] amounts, List<Map<String, int[]>> crossing, Map<String, Long> finalBalances) {
        this.options = options;
        this.ids = ids;
        this.froms = froms;
        this.tos = tos;
        this.accepted = accepted;
        this.amounts = amounts;
        this.crossing = crossing;
        this.finalBalances = finalBalances;
    }

    static BankLedger of(BankOptions options, Map<Integer, List<JsonNode>> input) throws Unreadable {
        int partitions = options.peers();
        String[][] ids = new String[partitions][];
        String[][] froms = new String[partitions][];
        String[][] tos = new String[partitions][];
        boolean[][] acceptedFlags = new boolean[partitions][];
        int[][] amounts = new int[partitions][];
        List<Map<String, int[]>> crossing = new java.util.ArrayList<>();
        Map<String, Long> balances = new TreeMap<>();
        for (int peer = 0; peer < options.peers(); peer++) {
            for (int a = 0; a < options.accounts(); a++) {
                balances.put(BankOptions.account(peer, a), options.initialBalance());
            }
        }
        for (int p = 0; p < partitions; p++) {
            List<JsonNode> records = input.getOrDefault(p, List.of());
            ids[p] = new String[records.size()];
            froms[p] = new String[records.size()];
            tos[p] = new String[records.size()];
            acceptedFlags[p] = new boolean[records.size()];
            amounts[p] = new int[records.size()];
            Map<String, Long> spent = new HashMap<>();
            Map<String, int[]> accepted = new HashMap<>();
            Map<String, Integer> acceptedCount = new HashMap<>();
            String sender = BankOptions.peer(p);
            for (int o = 0; o < records.size(); o++) {
                JsonNode t = records.get(o);
                if (t.path("offset").asLong(-1) != o || !t.path("from").isTextual() || !t.path("to").isTextual()
                        || !t.path("amount").canConvertToInt() || !t.path("id").isTextual()) {
                    throw new Unreadable("input partition " + p + " record " + o + " is not {offset:" + o
                            + ",id,from,to,amount}: " + t);
                }
                String from = t.get("from").asText();
                if (!sender.equals(BankOptions.ownerOf(from))) {
                    throw new Unreadable("input partition " + p + " record " + o + " is a transfer out of " + from
                            + ", not out of an account of " + sender);
                }
                ids[p][o] = t.get("id").asText();
                froms[p][o] = from;
                tos[p][o] = t.get("to").asText();
                amounts[p][o] = t.get("amount").asInt();
                long already = spent.getOrDefault(from, 0L);
                if (options.initialBalance() - already < amounts[p][o]) {
                    continue; // rejected: no effect
                }
                spent.put(from, already + amounts[p][o]);
                acceptedFlags[p][o] = true;
                balances.merge(from, (long) -amounts[p][o], Long::sum);
                balances.merge(tos[p][o], (long) amounts[p][o], Long::sum);
                String receiver = BankOptions.ownerOf(tos[p][o]);
                if (!receiver.equals(sender)) {
                    int n = acceptedCount.merge(receiver, 1, Integer::sum);
                    int[] offsets = accepted.computeIfAbsent(receiver, r -> new int[16]);
                    if (n > offsets.length) {
                        offsets = Arrays.copyOf(offsets, offsets.length * 2);
                        accepted.put(receiver, offsets);
                    }
                    offsets[n - 1] = o;
                }
            }
            Map<String, int[]> trimmed = new HashMap<>();
            accepted.forEach((r, offsets) -> trimmed.put(r, Arrays.copyOf(offsets, acceptedCount.get(r))));
            crossing.add(trimmed);
        }
        return new BankLedger(options, ids, froms, tos, acceptedFlags, amounts, crossing, balances);
    }

    BankOptions options() {
        return options;
    }

    int length(int partition) {
        return ids[partition].length;
    }

    /** Accepted transfers from partition {@code p}'s first {@code position} records to {@code receiver}. */
    int creditsOwed(int p, long position, String receiver) {
        int[] offsets = crossing.get(p).getOrDefault(receiver, new int[0]);
        int i = Arrays.binarySearch(offsets, (int) Math.min(position, Integer.MAX_VALUE));
        return i >= 0 ? i : -i - 1;
    }

    /** The id of the {@code n}-th (from 0) accepted transfer from partition {@code p} to {@code receiver}, or null. */
    String creditId(int p, String receiver, int n) {
        int[] offsets = crossing.get(p).getOrDefault(receiver, new int[0]);
        return n >= 0 && n < offsets.length ? ids[p][offsets[n]] : null;
    }

    /** Offset of the {@code n}-th accepted transfer from partition {@code p} to {@code receiver}, or -1. */
    int creditOffset(int p, String receiver, int n) {
        int[] offsets = crossing.get(p).getOrDefault(receiver, new int[0]);
        return n >= 0 && n < offsets.length ? offsets[n] : -1;
    }

    boolean accepted(int p, int offset) {
        return accepted[p][offset];
    }

    String from(int p, int offset) {
        return froms[p][offset];
    }

    /** How many accepted transfers partition {@code p} sends to {@code receiver} in all. */
    int creditsInAll(int p, String receiver) {
        return crossing.get(p).getOrDefault(receiver, new int[0]).length;
    }

    String to(int p, int offset) {
        return tos[p][offset];
    }

    int amount(int p, int offset) {
        return amounts[p][offset];
    }

    /** Every account's balance once the whole log is applied. */
    Map<String, Long> finalBalances() {
        return finalBalances;
    }
}
