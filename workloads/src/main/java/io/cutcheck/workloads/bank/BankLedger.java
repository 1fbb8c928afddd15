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
 * Accounts are numbered (see {@link #account(int)}) so that tallies live in arrays.
 */
final class BankLedger {

    /** Thrown when the input log is not a list of offset-numbered transfers of this bank. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final BankOptions options;
    private final String[] accountNames;
    private final Map<String, Integer> accountIds;
    private final String[][] ids;
    private final int[][] froms;
    private final int[][] tos;
    private final int[][] amounts;
    private final boolean[][] accepted;
    /** partition → receiving peer → offsets of accepted transfers to it, ascending */
    private final int[][][] crossing;
    private final long[] finalBalances;

    private BankLedger(BankOptions options, int partitionCount) {
        this.options = options;
        int accounts = options.peers() * options.accounts();
        this.accountNames = new String[accounts];
        this.accountIds = new HashMap<>();
        for (int peer = 0; peer < options.peers(); peer++) {
            for (int a = 0; a < options.accounts(); a++) {
                int id = peer * options.accounts() + a;
                accountNames[id] = options.account(peer, a);
                accountIds.put(accountNames[id], id);
            }
        }
        this.ids = new String[partitionCount][];
        this.froms = new int[partitionCount][];
        this.tos = new int[partitionCount][];
        this.amounts = new int[partitionCount][];
        this.accepted = new boolean[partitionCount][];
        this.crossing = new int[partitionCount][options.peers()][];
        this.finalBalances = new long[accounts];
        Arrays.fill(finalBalances, options.initialBalance());
    }

    static BankLedger of(BankOptions options, Map<Integer, List<JsonNode>> input) throws Unreadable {
        BankLedger ledger = new BankLedger(options, options.peers());
        for (int p = 0; p < options.peers(); p++) {
            ledger.read(p, input.getOrDefault(p, List.of()));
        }
        return ledger;
    }

    private void read(int p, List<JsonNode> records) throws Unreadable {
        int n = records.size();
        ids[p] = new String[n];
        froms[p] = new int[n];
        tos[p] = new int[n];
        amounts[p] = new int[n];
        accepted[p] = new boolean[n];
        long[] spent = new long[accountNames.length];
        int[][] cross = new int[options.peers()][16];
        int[] crossCount = new int[options.peers()];
        for (int o = 0; o < n; o++) {
            JsonNode t = records.get(o);
            Integer from = accountIds.get(t.path("from").asText());
            Integer to = accountIds.get(t.path("to").asText());
            if (t.path("offset").asLong(-1) != o || from == null || to == null || !t.path("amount").canConvertToInt()
                    || !t.path("id").isTextual()) {
                throw new Unreadable("input partition " + p + " record " + o + " is not {offset:" + o
                        + ",id,from,to,amount} between accounts of this bank: " + t);
            }
            if (peerOf(from) != p) {
                throw new Unreadable("input partition " + p + " record " + o + " is a transfer out of "
                        + accountNames[from] + ", not out of an account of " + options.peer(p));
            }
            ids[p][o] = t.get("id").asText();
            froms[p][o] = from;
            tos[p][o] = to;
            int amount = t.get("amount").asInt();
            amounts[p][o] = amount;
            if (options.initialBalance() - spent[from] < amount) {
                continue; // rejected: no effect
            }
            spent[from] += amount;
            accepted[p][o] = true;
            finalBalances[from] -= amount;
            finalBalances[to] += amount;
            int receiver = peerOf(to);
            if (receiver != p) {
                if (crossCount[receiver] == cross[receiver].length) {
                    cross[receiver] = Arrays.copyOf(cross[receiver], cross[receiver].length * 2);
                }
                cross[receiver][crossCount[receiver]++] = o;
            }
        }
        for (int r = 0; r < options.peers(); r++) {
            crossing[p][r] = Arrays.copyOf(cross[r], crossCount[r]);
        }
    }

    BankOptions options() {
        return options;
    }

    int accounts() {
        return accountNames.length;
    }

    String account(int id) {
        return accountNames[id];
    }

    /** The peer (and partition) owning an account. */
    int peerOf(int account) {
        return account / options.accounts();
    }

    int length(int partition) {
        return ids[partition].length;
    }

    /** Accepted transfers among partition {@code p}'s first {@code position} records to peer {@code r}. */
    int creditsOwed(int p, long position, int r) {
        int i = Arrays.binarySearch(crossing[p][r], (int) Math.min(position, Integer.MAX_VALUE));
        return i >= 0 ? i : -i - 1;
    }

    /** How many accepted transfers partition {@code p} sends to peer {@code r} in all. */
    int creditsInAll(int p, int r) {
        return crossing[p][r].length;
    }

    /** Offset of the {@code n}-th (from 0) accepted transfer from partition {@code p} to peer {@code r}, or -1. */
    int creditOffset(int p, int r, int n) {
        return n >= 0 && n < crossing[p][r].length ? crossing[p][r][n] : -1;
    }

    /** The id of the {@code n}-th accepted transfer from partition {@code p} to peer {@code r}, or null. */
    String creditId(int p, int r, int n) {
        int offset = creditOffset(p, r, n);
        return offset < 0 ? null : ids[p][offset];
    }

    boolean accepted(int p, int offset) {
        return accepted[p][offset];
    }

    int from(int p, int offset) {
        return froms[p][offset];
    }

    int to(int p, int offset) {
        return tos[p][offset];
    }

    int amount(int p, int offset) {
        return amounts[p][offset];
    }

    /** Every account's balance once the whole log is applied, by account name. */
    Map<String, Long> finalBalances() {
        Map<String, Long> balances = new TreeMap<>();
        for (int a = 0; a < accountNames.length; a++) {
            balances.put(accountNames[a], finalBalances[a]);
        }
        return balances;
    }
}
