package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts for one ordered pair of peers in one snapshot: the credits the sender's prefix owes
 * the receiver against the receiver's credits received plus the messages recorded on their
 * channel, naming the transfers that differ.
 */
final class ChannelAccount {

    private static final int IDS_SHOWN = 5;

    private ChannelAccount() {}

    static void check(long snapshot, PeerPart sender, PeerPart receiver, BankLedger ledger, AnomalyCollector anomalies) {
        int p = sender.partition();
        int r = receiver.partition();
        String to = receiver.node();
        int owed = ledger.creditsOwed(p, sender.position(), r);
        long received = receiver.receivedFrom(sender.node());
        JsonNode channel = receiver.channelFrom(sender.node());
        long accounted = received + channel.size();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("sender", sender.node());
        evidence.put("receiver", to);
        evidence.put("senderPosition", sender.position());
        evidence.put("creditsOwed", owed);
        evidence.put("creditsReceived", received);
        evidence.put("recordedInFlight", channel.size());
        if (accounted > owed) {
            evidence.put("transfers", ids(ledger, p, r, owed, accounted));
            anomalies.add(new Anomaly("credit-without-debit", "Snapshot " + snapshot + ": " + to + " accounts for "
                    + accounted + " credits from " + sender.node() + " (" + received + " received, " + channel.size()
                    + " in flight), but " + sender.node() + " had debited only " + owed + " transfers to it by offset "
                    + sender.position() + ".", snapshot, to, evidence));
        } else if (accounted < owed) {
            evidence.put("transfers", ids(ledger, p, r, accounted, owed));
            anomalies.add(new Anomaly("lost-credit", "Snapshot " + snapshot + ": " + sender.node() + " had debited "
                    + owed + " transfers to " + to + " by offset " + sender.position() + ", but " + to + " accounts for only "
                    + accounted + " (" + received + " received, " + channel.size() + " in flight): the money of the rest is lost.",
                    snapshot, to, evidence));
        } else {
            checkOrder(snapshot, p, r, received, channel, ledger, to, evidence, anomalies);
        }
    }

    /** The recorded messages must be the next credits owed, in order, with their amounts. */
    private static void checkOrder(long snapshot, int p, int r, long received, JsonNode channel, BankLedger ledger, String to,
                                   Map<String, Object> evidence, AnomalyCollector anomalies) {
        for (int i = 0; i < channel.size(); i++) {
            int n = (int) received + i;
            int offset = ledger.creditOffset(p, r, n);
            JsonNode message = channel.get(i);
            if (offset < 0 || !ledger.creditId(p, r, n).equals(message.path("id").asText())
                    || ledger.amount(p, offset) != message.path("amount").asLong()
                    || !ledger.account(ledger.to(p, offset)).equals(message.path("to").asText())) {
                evidence.put("recordedMessage", message.toString());
                evidence.put("expectedTransfer", offset < 0 ? "none" : ledger.creditId(p, r, n));
                anomalies.add(new Anomaly("channel-mismatch", "Snapshot " + snapshot + ": message " + i + " recorded on the "
                        + "channel to " + to + " is " + message + ", but the next credit owed is "
                        + (offset < 0 ? "none" : ledger.creditId(p, r, n)) + ".", snapshot, to, evidence));
                return;
            }
        }
    }

    /** Ids of the n-th … (end-1)-th credits from p to the receiver, the first few. */
    private static List<String> ids(BankLedger ledger, int p, int r, long from, long end) {
        List<String> ids = new ArrayList<>();
        for (long n = from; n < end && ids.size() < IDS_SHOWN; n++) {
            String id = ledger.creditId(p, r, (int) n);
            ids.add(id == null ? "(no such transfer in the input)" : id);
        }
        return ids;
    }
}
