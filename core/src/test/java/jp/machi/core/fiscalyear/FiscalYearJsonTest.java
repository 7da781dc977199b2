package jp.machi.core.fiscalyear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON form through the JSON-B implementation Payara ships (Yasson), as a REST client sees it. */
class FiscalYearJsonTest {

    /** A request or response body holding a fiscal year, as a module's DTO would. */
    public record Target(FiscalYear fiscalYear, String name) {
    }

    public record Years(List<FiscalYear> years) {
    }

    private static Jsonb jsonb;

    @BeforeAll
    static void createJsonb() {
        jsonb = JsonbBuilder.create();
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        jsonb.close();
    }

    @Test
    void writesFiscalYearAsYearAndJapaneseLabel() {
        assertEquals("{\"fiscalYear\":{\"year\":2020,\"label\":\"令和2年度\"},\"name\":\"x\"}",
                jsonb.toJson(new Target(FiscalYear.of(2020), "x")));
    }

    @Test
    void writesGannenLabel() {
        assertEquals("{\"fiscalYear\":{\"year\":2019,\"label\":\"令和元年度\"},\"name\":\"x\"}",
                jsonb.toJson(new Target(FiscalYear.of(2019), "x")));
    }

    @Test
    void writesAFiscalYearOnItsOwn() {
        assertEquals("{\"year\":2020,\"label\":\"令和2年度\"}", jsonb.toJson(FiscalYear.of(2020)));
    }

    @Test
    void writesFiscalYearsInAList() {
        assertEquals("{\"years\":[{\"year\":2019,\"label\":\"令和元年度\"},{\"year\":2020,\"label\":\"令和2年度\"}]}",
                jsonb.toJson(new Years(List.of(FiscalYear.of(2019), FiscalYear.of(2020)))));
    }

    @Test
    void leavesOutAMissingFiscalYear() {
        assertEquals("{\"name\":\"x\"}", jsonb.toJson(new Target(null, "x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2020",
        "\"R2\"",
        "\"令和2年度\"",
        "\"FY2020\"",
        "\"2020\"",
        "{\"year\":2020}",
        "{\"year\":2020,\"label\":\"令和2年度\"}",
        "{\"label\":\"令和2年度\",\"year\":2020}",
        "{\"year\":\"R2\"}"
    })
    void readsFiscalYearFromNumberTextOrObject(String json) {
        Target t = jsonb.fromJson("{\"fiscalYear\":" + json + ",\"name\":\"x\"}", Target.class);
        assertEquals(FiscalYear.of(2020), t.fiscalYear());
        assertEquals("x", t.name(), "the rest of the body is still read");
    }

    @Test
    void readsFiscalYearWhenItIsTheLastProperty() {
        Target t = jsonb.fromJson("{\"name\":\"x\",\"fiscalYear\":{\"year\":2020}}", Target.class);
        assertEquals(FiscalYear.of(2020), t.fiscalYear());
        assertEquals("x", t.name());
    }

    @Test
    void readsFiscalYearsInAList() {
        Years y = jsonb.fromJson("{\"years\":[2019,\"R2\",{\"year\":2021}]}", Years.class);
        assertEquals(List.of(FiscalYear.of(2019), FiscalYear.of(2020), FiscalYear.of(2021)), y.years());
    }

    @Test
    void readsAFiscalYearOnItsOwn() {
        assertEquals(FiscalYear.of(2020), jsonb.fromJson("\"令和2年度\"", FiscalYear.class));
        assertEquals(FiscalYear.of(2020), jsonb.fromJson("{\"year\":2020}", FiscalYear.class));
    }

    @Test
    void readsJsonNullAsNoFiscalYear() {
        Target t = jsonb.fromJson("{\"fiscalYear\":null,\"name\":\"x\"}", Target.class);
        assertNull(t.fiscalYear());
    }

    @Test
    void roundTripsThroughItsOwnJson() {
        Target original = new Target(FiscalYear.of(1989), "x");
        assertEquals(original, jsonb.fromJson(jsonb.toJson(original), Target.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "2020.5", "\"令和0年度\"", "\"\"", "1867", "{\"year\":2020.5}", "{\"year\":\"abc\"}",
        "100000000000000000000", "-2020"})
    void rejectsWhatNamesNoFiscalYearSoThatTheApiCanSayWhy(String json) {
        JsonbException e = assertThrows(JsonbException.class,
                () -> jsonb.fromJson("{\"fiscalYear\":" + json + ",\"name\":\"x\"}", Target.class));
        assertTrue(hasCause(e, InvalidFiscalYearException.class), () -> "no InvalidFiscalYearException behind " + e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "[2020]", "{}", "{\"label\":\"令和2年度\"}", "{\"year\":{\"year\":2020}}", "{\"year\":null}"})
    void rejectsJsonOfTheWrongShape(String json) {
        assertThrows(JsonbException.class,
                () -> jsonb.fromJson("{\"fiscalYear\":" + json + ",\"name\":\"x\"}", Target.class));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
