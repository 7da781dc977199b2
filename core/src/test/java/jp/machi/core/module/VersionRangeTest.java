package jp.machi.core.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VersionRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "[0.1,1.0); 0.1; true",
        "[0.1,1.0); 0.1.0-SNAPSHOT; true",
        "[0.1,1.0); 0.9.9; true",
        "[0.1,1.0); 1.0; false",
        "[0.1,1.0); 1.0.0-SNAPSHOT; false",
        "[0.1,1.0); 0.0.9; false",
        "(0.1,1.0]; 0.1; false",
        "(0.1,1.0]; 0.1.1; true",
        "(0.1,1.0]; 1.0; true",
        "(0.1,1.0]; 1.0.1; false",
        "[1.2,); 1.2; true",
        "[1.2,); 99; true",
        "[1.2,); 1.1.9; false",
        "(,1.0); 0.0.1; true",
        "(,1.0); 1.0; false",
        "[,1.0]; 1.0; true",
        "[1.2]; 1.2.0; true",
        "[1.2]; 1.2.1; false",
        "[1.2]; 1.1; false",
        "1.2; 1.2; true",
        "1.2; 5.0; true",
        "1.2; 1.1; false",
        "*; 0.0.1; true",
        "' [0.1 , 1.0) '; 0.5; true"
    })
    void containsVersionsWithinItsBounds(String range, String version, boolean contained) {
        assertEquals(contained, VersionRange.parse(range).contains(Version.parse(version)));
    }

    @Test
    void emptyOrStarMeansAnyVersion() {
        assertEquals(true, VersionRange.parse("").contains(Version.parse("123.4")));
        assertEquals(true, VersionRange.any().contains(Version.parse("0")));
        assertEquals("*", VersionRange.any().toString());
    }

    @Test
    void keepsTheTextAsWritten() {
        assertEquals("[0.1,1.0)", VersionRange.parse("[0.1,1.0)").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[0.1", "0.1)", "(0.1)", "(0.1]", "[0.1)", "[a,b]", "[0.1,x)", "[]", "[1,2,3]", "one"})
    void rejectsWhatIsNotARange(String text) {
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(text));
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> VersionRange.parse(null));
    }
}
