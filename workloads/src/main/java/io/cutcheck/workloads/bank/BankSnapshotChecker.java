package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.CommitEvidence;
import io.cutcheck.harness.checker.Coverage;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bank consistent cut, for every committed snapshot whose every peer part was read:
 * <ul>
 *   <li>conservation: the balances plus the money recorded in flight on the channels equal
 *       peers × accounts × initial balance;
 *   <li>no credit without its debit, per ordered pair of peers: the sender's input prefix (its
 *       position) owes the receiver as many credits as the acceptance rule accepts from it; the
 *       receiver must account for exactly those, as credits received plus messages recorded on
 *       that channel. More is a credit without its debit, fewer is lost money. The recorded
 *       messages must be the next ones owed, in order (channels are FIFO).
 *   <li>each peer's balances are what its own position and credits received produce
 *       ({@link BalanceCut}).
 * </ul>
 * The input log read after the run is the truth of what was appended: an {@code append} whose
 * outcome was unknown is judged by what the log holds. The sender's debits and the receiver's credits are compared by count, which the FIFO channel
 * makes enough: the k-th credit from a sender is the k-th accepted transfer from it.
 *
 * <p>Coverage: the result says how many of the committed snapshots were judged, and why the
 * others were not (no content fetched, or a peer's part missing). The floor: when snapshots
 * committed but none could be judged, the verdict is UNKNOWN with that coverage as its reason,
 * never VALID; when none committed at all, UNKNOWN too. A judgement of some of them is VALID with
 * the coverage stated beside it.
 */
public final class BankSnapshotChecker extends LedgerChecker {

    public static final String NAME = "bank-snapshot";

    public BankSnapshotChecker() {
        super(NAME);
    }

    @Override
    public Stage stage() {
        return Stage.CUT;
    }

    @Override
    CheckResult check(BankLedger ledger, Observations observations) {
        BankOptions options = ledger.options();
        CommitEvidence commits = CommitEvidence.of(observations);
        AnomalyCollector anomalies = new AnomalyCollector();
        List<Long> incomplete = new ArrayList<>();
        BalanceCut balances = new BalanceCut(ledger);
        int judged = 0;
        for (Map.Entry<Long, Map<String, JsonNode>> snapshot : new TreeMap<>(observations.contents()).entrySet()) {
            if (commits.committedAt(snapshot.getKey()).isEmpty()) {
                continue;
            }
            List<PeerPart> parts = parts(options, snapshot.getValue());
            if (parts == null) {
                incomplete.add(snapshot.getKey());
                continue;
            }
            judged++;
            conservation(snapshot.getKey(), parts, ledger, anomalies);
            balances.check(snapshot.getKey(), parts, anomalies);
            for (PeerPart sender : parts) {
                if (sender.position() > ledger.length(sender.partition())) {
                    anomalies.add(new Anomaly("position-beyond-input", "Snapshot " + snapshot.getKey() + ": "
                            + sender.node() + " says it read " + sender.position() + " transfers, but its partition holds "
                            + ledger.length(sender.partition()) + ".", snapshot.getKey(), sender.node(),
                            Map.of("position", sender.position())));
                    continue;
                }
                for (PeerPart receiver : parts) {
                    if (receiver != sender) {
                        ChannelAccount.check(snapshot.getKey(), sender, receiver, ledger, anomalies);
                    }
                }
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("snapshotsJudged", judged);
        stats.put("snapshotsWithPartsMissing", incomplete);
        stats.put("total", options.total());
        int committed = commits.committed().size();
        int withoutContent = committed - judged - incomplete.size();
        stats.put("snapshotsWithoutContent", withoutContent);
        if (committed == 0) {
            return new CheckResult(NAME, Validity.UNKNOWN, List.of(Anomaly.of("no-content",
                    "No snapshot was seen committed, so no snapshot content was judged.")), stats);
        }
        return CheckResult.judged(NAME, anomalies.anomalies(), stats,
                new Coverage(judged, committed, "committed snapshots", notJudged(withoutContent, incomplete.size())));
    }

    /** Why committed snapshots were not judged, counted by reason; null when all were. */
    private static String notJudged(int withoutContent, int partsMissing) {
        List<String> reasons = new ArrayList<>();
        if (withoutContent > 0) {
            reasons.add(withoutContent + " had no content fetched");
        }
        if (partsMissing > 0) {
            reasons.add(partsMissing + " had a peer's part missing");
        }
        return reasons.isEmpty() ? null : String.join(", ", reasons);
    }

    /** Every peer's part, or null when one is missing. */
    private static List<PeerPart> parts(BankOptions options, Map<String, JsonNode> contents) {
        List<PeerPart> parts = new ArrayList<>();
        for (int peer = 0; peer < options.peers(); peer++) {
            JsonNode content = contents.get(options.peer(peer));
            if (content == null) {
                return null;
            }
            parts.add(PeerPart.of(options.peer(peer), peer, content));
        }
        return parts;
    }

    private static void conservation(long id, List<PeerPart> parts, BankLedger ledger, AnomalyCollector anomalies) {
        long balances = parts.stream().mapToLong(PeerPart::balanceTotal).sum();
        long inFlight = parts.stream().mapToLong(PeerPart::inFlightTotal).sum();
        long total = ledger.options().total();
        if (balances + inFlight == total) {
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("expectedTotal", total);
        evidence.put("balances", balances);
        evidence.put("inFlight", inFlight);
        Map<String, Object> perPeer = new TreeMap<>();
        parts.forEach(p -> perPeer.put(p.node(), PeerPart.sums(p)));
        evidence.put("peers", perPeer);
        boolean created = balances + inFlight > total;
        anomalies.add(new Anomaly(created ? "money-created" : "money-lost", "Snapshot " + id + " holds " + balances
                + " in balances and " + inFlight + " in flight, " + Math.abs(balances + inFlight - total)
                + (created ? " more" : " less") + " than the " + total + " the bank started with.", id, null, evidence));
    }
}
