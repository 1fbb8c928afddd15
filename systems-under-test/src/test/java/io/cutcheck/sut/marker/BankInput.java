package io.cutcheck.sut.marker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded bank workload for the ITs, and what it must produce by the rule of PROTOCOL.md section 6
 * "bank", computed here independently of the system's code.
 */
final class BankInput {
    final int peers;
    final int accounts;
    final long initialBalance;
    /** Per partition (= peer index), the transfers in offset order, as the input log stores them. */
    final List<List<Map<String, Object>>> partitions = new ArrayList<>();
    private final List<boolean[]> accepted = new ArrayList<>();

    BankInput(int peers, int accounts, long initialBalance, int perPartition, long seed) {
        this.peers = peers;
        this.accounts = accounts;
        this.initialBalance = initialBalance;
        Random random = new Random(seed);
        for (int p = 0; p < peers; p++) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int k = 0; k < perPartition; k++) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("id", "t-" + p + "-" + k);
                t.put("from", "peer-" + p + "/" + random.nextInt(accounts));
                t.put("to", "peer-" + random.nextInt(peers) + "/" + random.nextInt(accounts));
                // Large enough that some transfers get rejected.
                t.put("amount", 1 + random.nextInt((int) Math.max(1, initialBalance / 40)));
                records.add(t);
            }
            partitions.add(records);
        }
        for (int p = 0; p < peers; p++) {
            accepted.add(computeAccepted(p));
        }
    }

    long total() {
        return (long) peers * accounts * initialBalance;
    }

    /** Whether each transfer of partition {@code p} is accepted, in offset order. */
    boolean[] accepted(int p) {
        return accepted.get(p);
    }

    private boolean[] computeAccepted(int p) {
        List<Map<String, Object>> records = partitions.get(p);
        boolean[] accepted = new boolean[records.size()];
        Map<String, Long> spent = new HashMap<>();
        for (int k = 0; k < records.size(); k++) {
            Map<String, Object> t = records.get(k);
            String from = (String) t.get("from");
            long amount = ((Number) t.get("amount")).longValue();
            long already = spent.getOrDefault(from, 0L);
            if (initialBalance - already >= amount) {
                spent.put(from, already + amount);
                accepted[k] = true;
            }
        }
        return accepted;
    }

    /** The balances the whole input produces. */
    Map<String, Long> finalBalances() {
        Map<String, Long> balances = new TreeMap<>();
        for (int p = 0; p < peers; p++) {
            for (int a = 0; a < accounts; a++) {
                balances.put("peer-" + p + "/" + a, initialBalance);
            }
        }
        for (int p = 0; p < peers; p++) {
            boolean[] accepted = accepted(p);
            List<Map<String, Object>> records = partitions.get(p);
            for (int k = 0; k < records.size(); k++) {
                if (accepted[k]) {
                    long amount = ((Number) records.get(k).get("amount")).longValue();
                    balances.merge((String) records.get(k).get("from"), -amount, Long::sum);
                    balances.merge((String) records.get(k).get("to"), amount, Long::sum);
                }
            }
        }
        return balances;
    }

    /** The ids of the accepted transfers from peer {@code i} to another peer {@code j}, among offsets below {@code position}. */
    List<String> creditsSent(int i, int j, long position) {
        boolean[] accepted = accepted(i);
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> records = partitions.get(i);
        for (int k = 0; k < Math.min(position, records.size()); k++) {
            String to = (String) records.get(k).get("to");
            if (accepted[k] && to.startsWith("peer-" + j + "/")) {
                ids.add((String) records.get(k).get("id"));
            }
        }
        return ids;
    }
}
