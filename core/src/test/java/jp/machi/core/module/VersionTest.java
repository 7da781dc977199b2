package jp.machi.core.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    private static Version v(String text) {
        return Version.parse(text);
    }

    @Test
    void comparesNumericallyPartByPart() {
        assertTrue(v("1.10").compareTo(v("1.9")) > 0);
        assertTrue(v("0.1.0").compareTo(v("0.2")) < 0);
        assertTrue(v("2").compareTo(v("1.99.99")) > 0);
        List<Version> versions = new ArrayList<>(List.of(v("1.10"), v("0.9"), v("1.2.3"), v("1.2")));
        versions.sort(null);
        assertEquals(List.of("0.9", "1.2", "1.2.3", "1.10"), versions.stream().map(Version::toString).toList());
    }

    @Test
    void missingPartsCountAsZero() {
        assertEquals(v("1"), v("1.0.0"));
        assertEquals(0, v("1.0").compareTo(v("1.0.0")));
        assertEquals(v("1").hashCode(), v("1.0.0").hashCode());
    }

    @Test
    void ignoresQualifierSoASnapshotEqualsItsRelease() {
        assertEquals(v("0.1.0"), v("0.1.0-SNAPSHOT"));
        assertEquals(v("0.1.0").hashCode(), v("0.1.0-SNAPSHOT").hashCode());
        assertEquals(0, v("1.2-rc1").compareTo(v("1.2")));
    }

    @Test
    void keepsTheTextAsWritten() {
        assertEquals("0.1.0-SNAPSHOT", v(" 0.1.0-SNAPSHOT ").toString());
    }

    @Test
    void differentVersionsAreNotEqual() {
        assertNotEquals(v("0.1.0"), v("0.1.1"));
        assertNotEquals(v("0.1.0"), "0.1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "one", "1..2", ".1", "1.", "1.2.", "1.a", "-1", "-SNAPSHOT", "+1", "1.+2", "1. 2",
        "99999999999"})
    void rejectsWhatIsNotADottedNumber(String text) {
        assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> Version.parse(null));
    }
}
