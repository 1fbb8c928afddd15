package io.cutcheck.junit;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: a test method (or constructor) that declares a {@link Cutcheck} parameter
 * gets one, named after the test class and method, that publishes every run's store directory to
 * the test report (Surefire writes report entries into its XML, IDEs show them).
 * <pre>{@code
 * @ExtendWith(CutcheckExtension.class)
 * class BarrierCheckpointTest {
 *     @Test
 *     void survivesKills(Cutcheck cutcheck) {
 *         cutcheck.assertValid(CutcheckSpec.system("barrier").nemesis("kill").timeLimit(Duration.ofSeconds(10)).seed(1));
 *     }
 * }
 * }</pre>
 */
public final class CutcheckExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cutcheck.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName()
                + context.getTestMethod().map(m -> "-" + m.getName()).orElse("");
        return new Cutcheck(name.replaceAll("[^A-Za-z0-9._-]", "-"),
                (key, value) -> context.publishReportEntry(Map.of(key, value)));
    }
}
