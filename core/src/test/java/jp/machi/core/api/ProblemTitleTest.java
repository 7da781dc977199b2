package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import jp.machi.core.i18n.Languages;
import org.junit.jupiter.api.Test;

/** A problem's title: core's for core types, the module's for the types a module defines, else the status's. */
class ProblemTitleTest {

    @Test
    void aCoreTypeHasCoresTitle() {
        assertEquals("Referenced record not found", Problems.title(Languages.ENGLISH, 400, "invalid-reference", "testmod.thing.broken"));
    }

    @Test
    void aModuleTypeHasTheModulesTitleInBothLanguages() {
        assertEquals("壊れています", Problems.title(Locale.JAPANESE, 409, "thing-broken", "testmod.thing.broken"));
        assertEquals("Thing broken", Problems.title(Languages.ENGLISH, 409, "thing-broken", "testmod.thing.broken"));
    }

    @Test
    void anUnknownTypeHasTheStatussTitle() {
        assertEquals("Conflict", Problems.title(Languages.ENGLISH, 409, "nobody-knows", "testmod.thing.broken"));
        assertEquals("Conflict", Problems.title(Languages.ENGLISH, 409, "nobody-knows", null));
    }
}
