package io.cutcheck.harness.nemesis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several nemeses acting as one: each fault goes to the nemesis that claims its kind. Composing
 * two nemeses that claim the same kind is refused, so there is never a doubt about who acts.
 *
 * <p>A compound kind {@code a+b} is several faults at once on the same targets, for windows one
 * fault alone opens too briefly (a slow disk under a crash aimed after the acknowledgement):
 * its parts are injected and healed from left to right. The left ones set the conditions, the
 * right ones act, so a crashed node restarts on a disk that is healthy again (restarting on a
 * failing one, a node may exit at start and nothing restarts it).
 */
public final class ComposedNemesis implements Nemesis {

    private final List<Nemesis> parts;
    private final Map<String, Nemesis> byKind;

    private ComposedNemesis(List<Nemesis> parts, Map<String, Nemesis> byKind) {
        this.parts = parts;
        this.byKind = byKind;
    }

    /** @throws IllegalArgumentException if two of them claim the same fault kind */
    public static ComposedNemesis of(List<? extends Nemesis> nemeses) {
        Map<String, Nemesis> byKind = new LinkedHashMap<>();
        for (Nemesis n : nemeses) {
            for (String kind : n.kinds()) {
                Nemesis previous = byKind.putIfAbsent(kind, n);
                if (previous != null) {
                    throw new IllegalArgumentException("two nemeses claim the fault kind '" + kind + "': "
                            + previous.getClass().getSimpleName() + " and " + n.getClass().getSimpleName());
                }
            }
        }
        return new ComposedNemesis(List.copyOf(nemeses), Map.copyOf(byKind));
    }

    @Override
    public Set<String> kinds() {
        return byKind.keySet();
    }

    /** A compound kind aims at acknowledgements when any of its parts does. */
    @Override
    public boolean aimsAtAcknowledgements(String kind) {
        return parts(kind).stream().anyMatch(k -> byKind.containsKey(k) && byKind.get(k).aimsAtAcknowledgements(k));
    }

    /** Prepares every part; the composed fixture asks them in order and closes them in reverse. */
    @Override
    public Fixture prepare(FixtureSite site) throws Exception {
        List<Fixture> fixtures = new ArrayList<>();
        try {
            for (Nemesis n : parts) {
                fixtures.add(n.prepare(site));
            }
        } catch (Exception e) {
            new Fixtures(fixtures).close();
            throw e;
        }
        return new Fixtures(fixtures);
    }

    /** The atomic kinds of a kind: {@code a+b} → [a, b], {@code a} → [a]. */
    public static List<String> parts(String kind) {
        return List.of(kind.split("\\+", -1));
    }

    @Override
    public void inject(Fault fault, FaultContext context) throws Exception {
        List<String> kinds = parts(fault.kind());
        for (String kind : kinds) {
            try {
                handler(kind).inject(fault.withKind(kind), context);
            } catch (Exception e) {
                // the parts already in force are left to heal(), which the run calls for a failed injection too
                throw kinds.size() == 1 ? e : new IllegalStateException(kind + ": " + e.getMessage(), e);
            }
        }
    }

    /** Heals every part in the order they were injected, even when one fails; rethrows the first failure. */
    @Override
    public void heal(Fault fault, FaultContext context) throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (String kind : parts(fault.kind())) {
            try {
                handler(kind).heal(fault.withKind(kind), context);
            } catch (Exception e) {
                failures.add(e);
            }
        }
        throwFirst(failures);
    }

    /** Heals everything, asking every part even when one fails; rethrows the first failure. */
    @Override
    public void healAll(FaultContext context) throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (Nemesis n : parts) {
            try {
                n.healAll(context);
            } catch (Exception e) {
                failures.add(e);
            }
        }
        throwFirst(failures);
    }

    private static void throwFirst(List<Exception> failures) throws Exception {
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private Nemesis handler(String kind) {
        Nemesis n = byKind.get(kind);
        if (n == null) {
            throw new IllegalArgumentException("no nemesis handles the fault kind '" + kind + "'");
        }
        return n;
    }
}
