package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bank final balances: after the drain, the peers' live balances ({@code GET /balances}) are
 * exactly what the whole input log produces by the acceptance rule — every accepted transfer
 * debited once and credited once, every rejected one without effect. Without a drain, or with a
 * peer's balances missing, a difference is UNKNOWN rather than proof.
 */
public final class FinalBalancesChecker extends LedgerChecker {

    public static final String NAME = "bank-final-balances";

    public FinalBalancesChecker() {
        super(NAME);
    }

    @Override
    CheckResult check(BankLedger ledger, Observations observations) {
        BankOptions options = ledger.options();
        Map<String, Long> actual = new TreeMap<>();
        Map<String, String> holder = new TreeMap<>();
        for (int peer = 0; peer < options.peers(); peer++) {
            JsonNode state = observations.finalState().get(options.peer(peer));
            if (state == null || !state.path("balances").isObject()) {
                return CheckResult.unknown(NAME, "no final balances from " + options.peer(peer));
            }
            Iterator<Map.Entry<String, JsonNode>> balances = state.get("balances").fields();
            while (balances.hasNext()) {
                Map.Entry<String, JsonNode> b = balances.next();
                actual.merge(b.getKey(), b.getValue().asLong(), Long::sum);
                holder.put(b.getKey(), options.peer(peer));
            }
        }
        AnomalyCollector anomalies = new AnomalyCollector();
        Map<String, Long> expected = ledger.finalBalances();
        java.util.Set<String> accounts = new java.util.TreeSet<>(expected.keySet());
        accounts.addAll(actual.keySet());
        for (String account : accounts) {
            long want = expected.getOrDefault(account, 0L);
            Long got = actual.get(account);
            if (got == null || got != want) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("account", account);
                evidence.put("expected", want);
                evidence.put("actual", got == null ? "missing" : got);
                anomalies.add(new Anomaly("wrong-final-balance", "Account " + account + " ends with "
                        + (got == null ? "no balance" : got) + ", but the input log gives " + want + ".", null,
                        holder.getOrDefault(account, BankOptions.ownerOf(account)), evidence));
            }
        }
        long total = actual.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> stats = Map.of("accounts", expected.size(), "finalTotal", total,
                "expectedTotal", options.total());
        if (!anomalies.isEmpty() && !observations.drained()) {
            return new CheckResult(NAME, Validity.UNKNOWN, List.of(Anomaly.of("not-drained", anomalies.counts()
                    .getOrDefault("wrong-final-balance", 0L) + " accounts differ from the input log's balances, but the run"
                    + " did not drain.")), stats);
        }
        return CheckResult.of(NAME, anomalies.anomalies(), stats);
    }
}
