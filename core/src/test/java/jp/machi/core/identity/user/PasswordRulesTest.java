package jp.machi.core.identity.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.machi.core.identity.user.domain.PasswordRules;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private static List<String> broken(String password, String login) {
        return PasswordRules.check(password, login).stream().map(PasswordRules.Violation::key).toList();
    }

    @Test
    void acceptsALongPassphraseOfTwoKindsOfCharacters() {
        assertEquals(List.of(), broken("correct-horse-battery", "tanaka"));
        assertEquals(List.of(), broken("Machi-Demo-2025", "demo-admin"));
    }

    @Test
    void acceptsJapanesePassphrasesMixedWithDigits() {
        assertEquals(List.of(), broken("つくば市役所で働いて2025年", "tanaka"));
    }

    @Test
    void refusesFewerThanTwelveCharacters() {
        assertEquals(List.of("password.tooShort"), broken("Sh0rt-pass", "tanaka"));
        assertTrue(broken("", "tanaka").contains("password.tooShort"));
        assertTrue(broken(null, "tanaka").contains("password.tooShort"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // 11 characters, 6 of them outside the BMP: 17 UTF-16 units, still too short.
        String eleven = "𠮷𩸽𠀋𡈽𡌛𡑮ab12c";
        assertEquals(17, eleven.length());
        assertEquals(List.of("password.tooShort"), broken(eleven, "tanaka"));
        assertEquals(List.of(), broken("茨城県つくば市研究学園1", "tanaka"));
    }

    @Test
    void refusesMoreThan128Characters() {
        assertEquals(List.of("password.tooLong"), broken("Abc1-".repeat(26), "tanaka"));
    }

    @Test
    void refusesThePasswordThatContainsTheLoginInAnyCase() {
        assertEquals(List.of("password.containsLogin"), broken("my-TANAKA-password", "tanaka"));
    }

    @Test
    void aVeryShortLoginIsNotLookedForInsideThePassword() {
        assertEquals(List.of(), broken("abcdefgh-1234", "ab"));
    }

    @Test
    void refusesOneKindOfCharacterOnly() {
        assertEquals(List.of("password.oneClass"), broken("onlylowercaseletters", "tanaka"));
        assertEquals(List.of("password.oneClass"), broken("ONLYUPPERCASELETTERS", "tanaka"));
        assertEquals(List.of("password.oneClass"), broken("20250401123987", "tanaka"));
        assertEquals(List.of("password.oneClass"), broken("すもももももももものうち", "tanaka"));
    }

    @Test
    void refusesARepeatedCharacter() {
        assertEquals(List.of("password.fewDistinct"), broken("aaaaaaaaaaaa1", "tanaka"));
        assertEquals(List.of("password.fewDistinct"), broken("abababababab12", "tanaka"));
    }

    @Test
    void refusesCommonPasswordsWithDigitsOrSymbolsAppended() {
        assertTrue(broken("password1234", "tanaka").contains("password.common"));
        assertTrue(broken("Password2024!", "tanaka").contains("password.common"));
        assertTrue(broken("administrator1", "tanaka").contains("password.common"));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        assertEquals(List.of("password.tooShort", "password.containsLogin", "password.oneClass", "password.fewDistinct"),
                broken("tanaka", "tanaka"));
    }
}
