package jp.machi.core.module;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the core that is running, against which modules' core ranges are checked. */
public final class CoreVersion {

    private static final String VALUE;

    static {
        Properties p = new Properties();
        try (InputStream in = CoreVersion.class.getResourceAsStream("core-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        VALUE = p.getProperty("version", "0.0.0");
    }

    private CoreVersion() {
    }

    public static String text() {
        return VALUE;
    }

    public static Version get() {
        return Version.parse(VALUE);
    }
}
