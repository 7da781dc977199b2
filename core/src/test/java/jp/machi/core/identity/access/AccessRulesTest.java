package jp.machi.core.identity.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Optional;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.access.AccessRules.Verdict;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    static final Caller VIEWER = caller(Role.VIEWER);
    static final Caller STAFF = caller(Role.STAFF);
    static final Caller MUNICIPALITY_ADMIN = caller(Role.MUNICIPALITY_ADMIN);
    static final Caller PLATFORM_ADMIN = new Caller("p", "p", Role.PLATFORM_ADMIN, null, null, Caller.Method.PASSWORD);

    static Caller caller(Role role) {
        return new Caller(role.name(), role.name(), role, "082201", null, Caller.Method.API_TOKEN);
    }

    /** A resource with a rule on the class, one method overriding it, and one class without rule. */
    @Access(minimum = Role.VIEWER)
    static class Readable {
        public void read() {
        }

        @Access(minimum = Role.STAFF)
        public void write() {
        }

        @Access(Access.Level.PUBLIC)
        public void publish() {
        }
    }

    static class Subresource extends Readable {
        public void more() {
        }
    }

    static class Forgotten {
        public void oops() {
        }

        @Access(Access.Level.SIGNED_IN)
        public void mine() {
        }
    }

    static Optional<Access> rule(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return AccessRules.ruleOf(m, type);
    }

    @Test
    void theMethodsRuleWinsOverTheClasss() throws Exception {
        assertEquals(Role.STAFF, rule(Readable.class, "write").orElseThrow().minimum());
        assertEquals(Role.VIEWER, rule(Readable.class, "read").orElseThrow().minimum());
        assertEquals(Access.Level.PUBLIC, rule(Readable.class, "publish").orElseThrow().value());
    }

    @Test
    void aSubclassInheritsItsSuperclasssRule() throws Exception {
        assertEquals(Role.VIEWER, rule(Subresource.class, "more").orElseThrow().minimum());
    }

    @Test
    void aMethodWithoutRuleIsRefusedToEveryoneIncludingPlatformAdministrators() throws Exception {
        Optional<Access> none = rule(Forgotten.class, "oops");
        assertTrue(none.isEmpty());
        for (Optional<Caller> c : java.util.List.of(Optional.<Caller>empty(), Optional.of(VIEWER),
                Optional.of(PLATFORM_ADMIN), Optional.of(Caller.SYSTEM))) {
            assertEquals(Verdict.NO_RULE, AccessRules.decide(none, c));
        }
        assertEquals(Verdict.NO_RULE, AccessRules.decide(AccessRules.ruleOf(null, Forgotten.class), Optional.of(PLATFORM_ADMIN)));
    }

    @Test
    void anonymousIsUnauthenticatedEverywhereButOnPublicEndpoints() throws Exception {
        assertEquals(Verdict.UNAUTHENTICATED, AccessRules.decide(rule(Readable.class, "read"), Optional.empty()));
        assertEquals(Verdict.UNAUTHENTICATED, AccessRules.decide(rule(Forgotten.class, "mine"), Optional.empty()));
        assertEquals(Verdict.ALLOWED, AccessRules.decide(rule(Readable.class, "publish"), Optional.empty()));
    }

    @Test
    void aRoleBelowTheMinimumIsForbiddenAndHigherRolesPass() throws Exception {
        Optional<Access> write = rule(Readable.class, "write");
        assertEquals(Verdict.FORBIDDEN, AccessRules.decide(write, Optional.of(VIEWER)));
        assertEquals(Verdict.ALLOWED, AccessRules.decide(write, Optional.of(STAFF)));
        assertEquals(Verdict.ALLOWED, AccessRules.decide(write, Optional.of(MUNICIPALITY_ADMIN)));
        assertEquals(Verdict.ALLOWED, AccessRules.decide(write, Optional.of(PLATFORM_ADMIN)));
    }

    @Test
    void signedInIsEnoughForSignedInEndpoints() throws Exception {
        assertEquals(Verdict.ALLOWED, AccessRules.decide(rule(Forgotten.class, "mine"), Optional.of(VIEWER)));
    }

    @Test
    void aBareAccessAnnotationMeansPlatformAdministratorsOnly() {
        @Access
        class Strict {
        }
        Access bare = Strict.class.getAnnotation(Access.class);
        assertEquals(Verdict.FORBIDDEN, AccessRules.decide(Optional.of(bare), Optional.of(MUNICIPALITY_ADMIN)));
        assertEquals(Verdict.ALLOWED, AccessRules.decide(Optional.of(bare), Optional.of(PLATFORM_ADMIN)));
    }

    @Test
    void describesRulesAsTheyAppearInProblems() throws Exception {
        // In words, never the role's code (issue 13: no internal codes in what people read).
        assertEquals("職員", AccessRules.describe(rule(Readable.class, "write").orElseThrow()).ja());
        assertEquals("Staff", AccessRules.describe(rule(Readable.class, "write").orElseThrow()).en());
        assertEquals("誰でも", AccessRules.describe(rule(Readable.class, "publish").orElseThrow()).ja());
        assertEquals("a signed-in user", AccessRules.describe(rule(Forgotten.class, "mine").orElseThrow()).en());
    }
}
