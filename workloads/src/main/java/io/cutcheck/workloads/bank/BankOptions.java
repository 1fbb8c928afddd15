package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.cutcheck.harness.workload.WorkloadSettings;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The bank's parameters, given to the peers as {@code options} and read back by the checkers:
 * {@code peers} (one per worker node, at least 3), their node names {@code peerNames} (peer
 * {@code i} reads input partition {@code i} and owns the accounts {@code <name>/0 …}), the
 * {@code accounts} per peer and the {@code initialBalance} of every account. The names are the
 * system's own, taken from its layout, so any naming works.
 */
public record BankOptions(int peers, int accounts, long initialBalance, List<String> peerNames) {

    public static final int MIN_PEERS = 3;
    public static final int ACCOUNTS = 5;
    static final long MIN_INITIAL_BALANCE = 100;

    public BankOptions {
        if (peers < 1 || accounts < 1 || initialBalance < 0) {
            throw new IllegalArgumentException("invalid bank options: " + peers + " peers, " + accounts
                    + " accounts, initial balance " + initialBalance);
        }
        peerNames = peerNames.size() == peers ? List.copyOf(peerNames) : defaultNames(peers);
    }

    /** With the reference names {@code peer-0 …}. */
    public BankOptions(int peers, int accounts, long initialBalance) {
        this(peers, accounts, initialBalance, List.of());
    }

    private static List<String> defaultNames(int peers) {
        return IntStream.range(0, peers).mapToObj(i -> "peer-" + i).toList();
    }

    /**
     * The initial balance is four fifths of what the plan is expected to debit from each account,
     * so most transfers are accepted and roughly the last fifth of each account's are rejected:
     * both branches of the acceptance rule take part in every run long enough to matter.
     */
    public static BankOptions of(WorkloadSettings settings) {
        int peers = Math.max(MIN_PEERS, settings.nodes());
        double transfers = settings.ratePerSecond() * (settings.timeLimitMillis() / 1000.0);
        double expectedDebit = transfers / (peers * ACCOUNTS) * (BankWorkload.MAX_AMOUNT + 1) / 2.0;
        long initial = Math.max(MIN_INITIAL_BALANCE, Math.round(expectedDebit * 0.8));
        return new BankOptions(peers, ACCOUNTS, initial, settings.nodeNames());
    }

    /** Reads the options a run recorded; empty when any is missing. */
    public static Optional<BankOptions> from(Map<String, JsonNode> options) {
        JsonNode peers = options.get("peers");
        JsonNode accounts = options.get("accounts");
        JsonNode initial = options.get("initialBalance");
        if (peers == null || accounts == null || initial == null
                || !peers.canConvertToInt() || !accounts.canConvertToInt() || !initial.canConvertToLong()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        JsonNode given = options.get("peerNames");
        if (given != null && given.isArray()) {
            given.forEach(n -> names.add(n.asText()));
        }
        return Optional.of(new BankOptions(peers.asInt(), accounts.asInt(), initial.asLong(), names));
    }

    public Map<String, JsonNode> toJson() {
        ArrayNode names = JsonNodeFactory.instance.arrayNode();
        peerNames.forEach(names::add);
        return Map.of("peers", IntNode.valueOf(peers), "accounts", IntNode.valueOf(accounts),
                "initialBalance", LongNode.valueOf(initialBalance), "peerNames", names);
    }

    /** The money in the bank, constant in every consistent snapshot. */
    public long total() {
        return (long) peers * accounts * initialBalance;
    }

    /** The node name of peer {@code index}. */
    public String peer(int index) {
        return peerNames.get(index);
    }

    public String account(int peer, int account) {
        return peer(peer) + "/" + account;
    }

    /** The peer that owns an account: the part before the slash. */
    public static String ownerOf(String account) {
        int slash = account.indexOf('/');
        return slash < 0 ? account : account.substring(0, slash);
    }
}
