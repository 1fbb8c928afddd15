package io.cutcheck.harness.nemesis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several nemeses acting as one: each fault goes to the nemesis that claims its kind. Composing
 * two nemeses that claim the same kind is refused, so there is never a doubt about who acts.
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

    @Override
    public void inject(Fault fault, FaultContext context) throws Exception {
        handler(fault).inject(fault, context);
    }

    @Override
    public void heal(Fault fault, FaultContext context) throws Exception {
        handler(fault).heal(fault, context);
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
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private Nemesis handler(Fault fault) {
        Nemesis n = byKind.get(fault.kind());
        if (n == null) {
            throw new IllegalArgumentException("no nemesis handles the fault kind '" + fault.kind() + "'");
        }
        return n;
    }
}
