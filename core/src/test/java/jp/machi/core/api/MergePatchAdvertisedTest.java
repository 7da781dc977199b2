package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MergePatchAdvertisedTest {

    @Test
    void templatesMatchOneSegmentPerParameterOrTheirOwnRegex() {
        var sheet = MergePatchAdvertised.compile("/municipalities/{lgCode}/indicators/actuals/{fiscalYear}/units/{unitId}");
        var one = MergePatchAdvertised.compile("/municipalities/{lgCode}/indicators/{id}");
        String path = "/municipalities/202070/indicators/actuals/2024/units/0f9a";
        assertTrue(sheet.matcher(path).matches());
        assertFalse(one.matcher(path).matches(), "a parameter is one segment");
        assertTrue(one.matcher("/municipalities/202070/indicators/0f9a").matches());
        var typed = MergePatchAdvertised.compile("/items/{n: [0-9]+}");
        assertTrue(typed.matcher("/items/12").matches());
        assertFalse(typed.matcher("/items/ab").matches());
    }

    @Test
    void theTemplateWithMoreLiteralCharactersIsTheMoreSpecific() {
        assertTrue(MergePatchAdvertised.literals("/municipalities/{lgCode}/modules/planning")
                > MergePatchAdvertised.literals("/municipalities/{lgCode}/modules/{moduleId}"));
    }
}
