package io.cutcheck.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The chart library (Apache ECharts) read from its webjar on the class path, to be inlined into
 * the report so the page needs no network when viewed. The version is the webjar's own, so a
 * version bump in the pom needs no change here.
 */
final class ChartLibrary {

    private static final String POM_PROPERTIES = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private ChartLibrary() {}

    static String version() {
        try (InputStream in = ChartLibrary.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the echarts webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The minified library, with any {@code </script>} in it made harmless for inlining. */
    static String script() {
        return Loaded.SCRIPT;
    }

    // Read once per JVM: it is a megabyte and every report needs the same bytes.
    private static final class Loaded {
        static final String SCRIPT = ClasspathText.read("/META-INF/resources/webjars/echarts/" + version()
                + "/dist/echarts.min.js").replace("</script", "<\\/script");
    }
}
