package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import org.junit.jupiter.api.Test;

/**
 * CSV injection (OWASP): what an anonymous resident or a careless colleague types into a text field
 * never reaches a spreadsheet as a formula. Text starting with {@code = + - @}, a tab or a carriage
 * return is written with a leading apostrophe in every CSV (the shared writer), numbers are not.
 */
@MachiTest
class CsvInjectionIT {

    private final Api api;

    CsvInjectionIT(Api api) {
        this.api = api;
    }

    @Test
    void aResidentsFormulaIsTextInTheStaffCsv() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        String voices = Municipalities.PATH + "/" + lg + "/engagement/voices";
        api.anonymous().post(voices).json(Json.createObjectBuilder()
                .add("subject", "=HYPERLINK(\"http://evil.example/\",\"詳細\")")
                .add("body", "+cmd|' /C calc'!A0").build()).send().expect(201);

        String csv = new String(api.as("STAFF", lg).get(voices + "?format=csv").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"詳細\"\")\""), csv);
        assertFalse(csv.contains(",=HYPERLINK") || csv.contains("\n=HYPERLINK") || csv.contains("\"=HYPERLINK"), csv);
    }

    @Test
    void anIndicatorsNameIsTextButItsNumbersStayNumbers() {
        String lg = Municipalities.register(api);
        String indicators = Municipalities.PATH + "/" + lg + "/indicators";
        api.as("STAFF", lg).post(indicators).json(Json.createObjectBuilder().add("nameJa", "@SUM(1+1)")
                .add("kind", "OUTCOME").add("unit", "-").add("direction", "HIGHER_IS_BETTER").build()).send().expect(201);

        String csv = new String(api.as("VIEWER", lg).get(indicators + "?format=csv").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains("'@SUM(1+1)"), csv);
        assertFalse(csv.contains(",@SUM") || csv.contains("\n@SUM"), csv);
        assertTrue(csv.contains(",'-"), "the unit '-' is text too: " + csv);
    }
}
