package jp.machi.core.municipality.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalGovernmentCodeTest {

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({
        "011002, 札幌市",
        "082201, つくば市",
        "141500, 相模原市",
        "010006, 北海道",
        "202070, 須坂市",
        "082171, 取手市",
        "352152, 周南市",
        "142077, 茅ヶ崎市",
        "131016, 千代田区",
        "472018, 那覇市"
    })
    void acceptsRealLocalGovernmentCodes(String code, String name) {
        LocalGovernmentCode parsed = LocalGovernmentCode.of(code);
        assertEquals(code, parsed.value(), name);
        assertEquals(code, parsed.toString());
        assertTrue(LocalGovernmentCode.isValid(code));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "01100, 2",
        "08220, 1",
        "14150, 0",
        "01000, 6",
        "20207, 0",
        "08217, 1",
        "35215, 2",
        "14207, 7"
    })
    void computesCheckDigitWithWeightsSixToTwo(String firstFive, int expected) {
        assertEquals(expected, LocalGovernmentCode.checkDigit(firstFive));
    }

    @Test
    void checkDigitIsOneWhenTheWeightedSumIsAMultipleOfEleven() {
        // 1·6 + 0·5 + 0·4 + 0·3 + 0·2 = 6; 0·6 + … + 0 = 0 → (11 − 0) mod 10 = 1
        assertEquals(1, LocalGovernmentCode.checkDigit("00000"));
        // 0·6 + 0·5 + 0·4 + 1·3 + 4·2 = 11 → remainder 0 → 1
        assertEquals(1, LocalGovernmentCode.checkDigit("00014"));
    }

    @Test
    void checkDigitIsZeroWhenTheRemainderIsOne() {
        // 1·6 + 4·5 + 1·4 + 5·3 + 0·2 = 45, 45 mod 11 = 1 → (11 − 1) mod 10 = 0
        assertEquals(0, LocalGovernmentCode.checkDigit("14150"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0110", "011002x", "1234", "0123456"})
    void checkDigitNeedsExactlyFiveDigits(String text) {
        assertThrows(IllegalArgumentException.class, () -> LocalGovernmentCode.checkDigit(text));
    }

    @Test
    void checkDigitRejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> LocalGovernmentCode.checkDigit(null));
    }

    @Test
    void rejectsLocalGovernmentCodeWithWrongCheckDigit() {
        InvalidLocalGovernmentCodeException e =
                assertThrows(InvalidLocalGovernmentCodeException.class, () -> LocalGovernmentCode.of("011003"));
        assertAll(
                () -> assertEquals("011003", e.text()),
                () -> assertEquals(2, e.expectedCheckDigit()),
                () -> assertEquals("011002", e.corrected()));
        assertFalse(LocalGovernmentCode.isValid("011003"));
    }

    @Test
    void wrongCheckDigitMessageNamesTheRightDigitAndTheCorrectedCode() {
        InvalidLocalGovernmentCodeException e =
                assertThrows(InvalidLocalGovernmentCodeException.class, () -> LocalGovernmentCode.of("082209"));
        assertEquals(1, e.expectedCheckDigit());
        assertEquals("082201", e.corrected());
        assertTrue(e.getMessage().contains("082209"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 1"), e.getMessage());
        assertTrue(e.getMessage().contains("082201"), e.getMessage());
    }

    @Test
    void everyWrongCheckDigitIsRejectedAndOnlyTheRightOneAccepted() {
        for (char d = '0'; d <= '9'; d++) {
            String text = "14150" + d;
            if (d == '0') {
                assertTrue(LocalGovernmentCode.isValid(text), text);
            } else {
                InvalidLocalGovernmentCodeException e =
                        assertThrows(InvalidLocalGovernmentCodeException.class, () -> LocalGovernmentCode.of(text));
                assertEquals(0, e.expectedCheckDigit(), text);
                assertEquals("141500", e.corrected(), text);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"01100a", "O11002", "01-100", "01100 ", " 011002", "011002\n", "０１１００２", "01100２", "+11002"})
    void rejectsLocalGovernmentCodeWithNonDigits(String text) {
        InvalidLocalGovernmentCodeException e =
                assertThrows(InvalidLocalGovernmentCodeException.class, () -> LocalGovernmentCode.of(text));
        assertNull(e.expectedCheckDigit(), "a malformed code has no check digit to correct");
        assertNull(e.corrected());
        assertEquals(text, e.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"01100", "0110020", "1", "01100200000"})
    void rejectsLocalGovernmentCodeOfWrongLength(String text) {
        InvalidLocalGovernmentCodeException e =
                assertThrows(InvalidLocalGovernmentCodeException.class, () -> LocalGovernmentCode.of(text));
        assertNull(e.expectedCheckDigit());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingLocalGovernmentCode(String text) {
        InvalidLocalGovernmentCodeException e =
                assertThrows(InvalidLocalGovernmentCodeException.class, () -> LocalGovernmentCode.of(text));
        assertNull(e.expectedCheckDigit());
        assertNull(e.corrected());
        assertFalse(LocalGovernmentCode.isValid(text));
    }

    @Test
    void rejectsPrefectureZeroEvenWithAMatchingCheckDigit() {
        String code = "00100" + LocalGovernmentCode.checkDigit("00100");
        InvalidLocalGovernmentCodeException e =
                assertThrows(InvalidLocalGovernmentCodeException.class, () -> LocalGovernmentCode.of(code));
        assertNull(e.expectedCheckDigit(), "no digit can make prefecture 00 valid");
    }

    @Test
    void rejectsPrefectureFortyEightEvenWithAMatchingCheckDigit() {
        String code = "48201" + LocalGovernmentCode.checkDigit("48201");
        InvalidLocalGovernmentCodeException e =
                assertThrows(InvalidLocalGovernmentCodeException.class, () -> LocalGovernmentCode.of(code));
        assertNull(e.expectedCheckDigit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "001009", "482010", "482019", "990000"})
    void doesNotSuggestACorrectionForAnUnknownPrefecture(String text) {
        InvalidLocalGovernmentCodeException e =
                assertThrows(InvalidLocalGovernmentCodeException.class, () -> LocalGovernmentCode.of(text));
        assertNull(e.expectedCheckDigit(), "changing the check digit cannot fix prefecture " + text.substring(0, 2));
        assertNull(e.corrected());
    }

    @Test
    void acceptsTheFirstAndLastPrefectures() {
        assertEquals(Prefecture.P01, LocalGovernmentCode.of("01000" + LocalGovernmentCode.checkDigit("01000")).prefecture());
        assertEquals(Prefecture.P47, LocalGovernmentCode.of("47000" + LocalGovernmentCode.checkDigit("47000")).prefecture());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "011002, P01, 北海道",
        "010006, P01, 北海道",
        "082201, P08, 茨城県",
        "082171, P08, 茨城県",
        "141500, P14, 神奈川県",
        "142077, P14, 神奈川県",
        "202070, P20, 長野県",
        "352152, P35, 山口県"
    })
    void mapsCodeToItsPrefecture(String code, Prefecture prefecture, String prefectureName) {
        Prefecture p = LocalGovernmentCode.of(code).prefecture();
        assertEquals(prefecture, p);
        assertEquals(prefectureName, p.displayName().ja());
        assertEquals(code.substring(0, 2), p.twoDigitCode());
    }

    @Test
    void everyPrefectureCodeFromOneToFortySevenMapsBack() {
        for (int code = 1; code <= 47; code++) {
            String prefix = String.format("%02d000", code);
            LocalGovernmentCode lg = LocalGovernmentCode.of(prefix + LocalGovernmentCode.checkDigit(prefix));
            assertEquals(code, lg.prefecture().code());
            assertTrue(lg.isPrefecture(), lg.value());
        }
    }

    @Test
    void recognisesAPrefecturesOwnCode() {
        assertTrue(LocalGovernmentCode.of("010006").isPrefecture());
        assertTrue(LocalGovernmentCode.of("130001").isPrefecture());
    }

    @ParameterizedTest
    @ValueSource(strings = {"011002", "082201", "141500", "202070", "082171", "352152", "142077", "131016"})
    void municipalityCodeIsNotAPrefecture(String code) {
        assertFalse(LocalGovernmentCode.of(code).isPrefecture());
    }

    @Test
    void equalCodesAreEqualAndHashAlike() {
        LocalGovernmentCode a = LocalGovernmentCode.of("082201");
        LocalGovernmentCode b = LocalGovernmentCode.of("082201");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, LocalGovernmentCode.of("082171"));
        assertNotEquals(a, "082201");
    }
}
