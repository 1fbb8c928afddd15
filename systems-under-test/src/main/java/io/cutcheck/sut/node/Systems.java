package io.cutcheck.sut.node;

import java.util.List;
import java.util.ServiceLoader;

/** The reference systems on the class path. */
public final class Systems {
    private Systems() {
    }

    public static List<SystemFactory> all() {
        return ServiceLoader.load(SystemFactory.class).stream().map(ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(SystemFactory::name)).toList();
    }

    public static SystemFactory named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadConfigException("unknown system " + name + " (known: "
                        + String.join(", ", all().stream().map(SystemFactory::name).toList()) + ")"));
    }
}
