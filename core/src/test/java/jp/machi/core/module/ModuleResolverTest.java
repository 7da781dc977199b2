package jp.machi.core.module;

import static jp.machi.core.module.TestModule.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import jp.machi.core.module.ModuleResolver.Outcome;
import jp.machi.core.module.ModuleResolver.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleResolverTest {

    private static final Version CORE = Version.parse("0.1.0-SNAPSHOT");

    private static List<Outcome> resolve(ModuleDescriptor... modules) {
        return resolve(CORE, modules);
    }

    private static List<Outcome> resolve(Version core, ModuleDescriptor... modules) {
        List<Outcome> outcomes = ModuleResolver.resolve(core, Arrays.asList(modules));
        assertEquals(modules.length, outcomes.size(), "one outcome per descriptor");
        for (ModuleDescriptor m : modules) {
            assertEquals(1, outcomes.stream().filter(o -> o.descriptor() == m).count(), "one outcome for " + m.id());
        }
        return outcomes;
    }

    /** Ids of the startable modules, in start order. */
    private static List<String> started(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::startable).map(o -> o.descriptor().id()).toList();
    }

    private static Reason reason(List<Outcome> outcomes, String id) {
        return outcomes.stream().filter(o -> Objects.equals(o.descriptor().id(), id)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + id)).reason();
    }

    private static void assertNotStartable(List<Outcome> outcomes, String id, String key, String... args) {
        Reason r = reason(outcomes, id);
        assertTrue(r != null, id + " should not be startable");
        assertEquals(key, r.key(), "reason of " + id);
        if (args.length > 0) {
            assertEquals(List.of(args), r.args(), "reason arguments of " + id);
        }
    }

    // --- order ---

    @Test
    void startsARequiredDependencyBeforeTheModuleThatNeedsIt() {
        List<Outcome> out = resolve(module("engagement").requires("planning", "[0.1,1.0)"), module("planning"));
        assertEquals(List.of("planning", "engagement"), started(out));
        assertNull(out.get(0).reason());
        assertTrue(out.get(1).startable());
    }

    @Test
    void startsIndependentModulesInIdOrderWhateverOrderTheyAreFoundIn() {
        TestModule[] modules = {module("promotion"), module("collaboration"), module("planning"), module("engagement")};
        List<String> expected = List.of("collaboration", "engagement", "planning", "promotion");
        assertEquals(expected, started(resolve(modules)));
        Collections.reverse(Arrays.asList(modules));
        assertEquals(expected, started(resolve(modules)));
    }

    @Test
    void keepsIdOrderAmongModulesThatBecomeReadyTogether() {
        List<Outcome> out = resolve(
                module("zeta").requires("planning"),
                module("alpha").requires("planning"),
                module("planning"),
                module("beta"));
        assertEquals(List.of("beta", "planning", "alpha", "zeta"), started(out));
    }

    @Test
    void ordersADiamondOfDependencies() {
        List<Outcome> out = resolve(
                module("top").requires("left").requires("right"),
                module("right").requires("base"),
                module("left").requires("base"),
                module("base"));
        assertEquals(List.of("base", "left", "right", "top"), started(out));
    }

    @Test
    void ordersALongChainWhateverTheIds() {
        List<Outcome> out = resolve(module("aa").requires("bb"), module("bb").requires("cc"), module("cc").requires("dd"),
                module("dd"));
        assertEquals(List.of("dd", "cc", "bb", "aa"), started(out));
    }

    @Test
    void optionalDependencyIsStartedFirstWhenPresent() {
        List<Outcome> out = resolve(module("aaa").worksWith("zzz"), module("zzz"));
        assertEquals(List.of("zzz", "aaa"), started(out));
    }

    @Test
    void optionalDependencyIsIgnoredWhenAbsent() {
        List<Outcome> out = resolve(module("promotion").worksWith("engagement"), module("planning"));
        assertEquals(List.of("planning", "promotion"), started(out));
    }

    @Test
    void optionalDependencyThatCannotStartDoesNotStopTheModule() {
        List<Outcome> out = resolve(module("promotion").worksWith("engagement"),
                module("engagement").requires("missing"));
        assertEquals(List.of("promotion"), started(out));
        assertNotStartable(out, "engagement", "module.reason.missingDependency");
    }

    @Test
    void theRealFourModulesStartPlanningFirst() {
        List<Outcome> out = resolve(
                module("promotion").worksWith("engagement").worksWith("planning"),
                module("collaboration").requires("planning", "[0.1,1.0)"),
                module("engagement").requires("planning", "[0.1,1.0)"),
                module("planning"));
        assertEquals(List.of("planning", "collaboration", "engagement", "promotion"), started(out));
    }

    @Test
    void resolvesNothingToNothing() {
        assertEquals(List.of(), ModuleResolver.resolve(CORE, List.of()));
    }

    // --- required dependencies ---

    @Test
    void moduleMissingARequiredDependencyIsNotStartedWhileTheOthersStart() {
        List<Outcome> out = resolve(module("engagement").requires("planning", "[0.1,1.0)"), module("promotion"),
                module("collaboration"));
        assertEquals(List.of("collaboration", "promotion"), started(out));
        assertNotStartable(out, "engagement", "module.reason.missingDependency", "planning", "[0.1,1.0)");
    }

    @Test
    void requiredDependencyOutsideTheVersionRangeStopsTheModule() {
        List<Outcome> out = resolve(module("engagement").requires("planning", "[0.2,1.0)"),
                module("planning").version("0.1.5"));
        assertEquals(List.of("planning"), started(out));
        assertNotStartable(out, "engagement", "module.reason.dependencyVersion", "planning", "[0.2,1.0)", "0.1.5");
    }

    @Test
    void requiredDependencyAtTheExclusiveUpperBoundIsOutsideTheRange() {
        List<Outcome> out = resolve(module("engagement").requires("planning", "[0.1,1.0)"),
                module("planning").version("1.0.0"));
        assertNotStartable(out, "engagement", "module.reason.dependencyVersion", "planning", "[0.1,1.0)", "1.0.0");
    }

    @Test
    void snapshotOfADependencySatisfiesTheRangeOfItsRelease() {
        List<Outcome> out = resolve(module("engagement").requires("planning", "[0.1,1.0)"),
                module("planning").version("0.1.0-SNAPSHOT"));
        assertEquals(List.of("planning", "engagement"), started(out));
    }

    @Test
    void failureIsTransitive() {
        List<Outcome> out = resolve(module("cc").requires("bb"), module("bb").requires("missing"), module("other"));
        assertEquals(List.of("other"), started(out));
        assertNotStartable(out, "bb", "module.reason.missingDependency", "missing", "*");
        assertNotStartable(out, "cc", "module.reason.dependencyNotStarted", "bb");
    }

    @Test
    void failureIsTransitiveWhicheverWayTheIdsSort() {
        List<Outcome> out = resolve(module("aa").requires("bb"), module("bb").requires("cc"), module("cc").requires("missing"));
        assertEquals(List.of(), started(out));
        assertNotStartable(out, "cc", "module.reason.missingDependency");
        assertNotStartable(out, "bb", "module.reason.dependencyNotStarted", "cc");
        assertNotStartable(out, "aa", "module.reason.dependencyNotStarted", "bb");
    }

    // --- core version ---

    @Test
    void moduleForAnotherCoreVersionIsNotStarted() {
        List<Outcome> out = resolve(Version.parse("1.0.0"), module("planning"), module("future").core("[1.0,2.0)"));
        assertEquals(List.of("future"), started(out));
        assertNotStartable(out, "planning", "module.reason.coreVersion", "[0.1,1.0)", "1.0.0");
    }

    @Test
    void moduleNeedingAModuleForAnotherCoreVersionIsNotStarted() {
        List<Outcome> out = resolve(module("engagement").requires("planning"), module("planning").core("[0.2,)"));
        assertEquals(List.of(), started(out));
        assertNotStartable(out, "planning", "module.reason.coreVersion", "[0.2,)", "0.1.0-SNAPSHOT");
        assertNotStartable(out, "engagement", "module.reason.dependencyNotStarted", "planning");
    }

    @Test
    void snapshotCoreSatisfiesTheRangeOfItsRelease() {
        assertEquals(List.of("planning"), started(resolve(Version.parse("0.1.0-SNAPSHOT"), module("planning"))));
    }

    // --- cycles ---

    @Test
    void modulesRequiringEachOtherAreNotStarted() {
        List<Outcome> out = resolve(module("a1").requires("b1"), module("b1").requires("a1"), module("planning"));
        assertEquals(List.of("planning"), started(out));
        assertNotStartable(out, "a1", "module.reason.cycle", "a1 → b1 → a1");
        assertNotStartable(out, "b1", "module.reason.cycle", "b1 → a1 → b1");
    }

    @Test
    void moduleRequiringItselfIsACycle() {
        List<Outcome> out = resolve(module("selfish").requires("selfish"));
        assertNotStartable(out, "selfish", "module.reason.cycle", "selfish → selfish");
    }

    @Test
    void moduleRequiringAModuleOnACycleIsNotStarted() {
        List<Outcome> out = resolve(module("a1").requires("b1"), module("b1").requires("a1"), module("c1").requires("a1"));
        assertEquals(List.of(), started(out));
        assertNotStartable(out, "a1", "module.reason.cycle");
        assertNotStartable(out, "b1", "module.reason.cycle");
        assertNotStartable(out, "c1", "module.reason.dependencyNotStarted", "a1");
    }

    @Test
    void moduleBehindACycleIsNotReportedAsOnIt() {
        List<Outcome> out = resolve(module("a1").requires("b1"), module("b1").requires("a1"),
                module("c1").requires("a1"), module("d1").requires("c1"));
        assertNotStartable(out, "c1", "module.reason.dependencyNotStarted", "a1");
        assertNotStartable(out, "d1", "module.reason.dependencyNotStarted", "c1");
    }

    @Test
    void moduleThatOnlyWorksWithACycleMemberStillStarts() {
        List<Outcome> out = resolve(module("a1").requires("b1"), module("b1").requires("a1"), module("c1").worksWith("a1"),
                module("d1").requires("c1"));
        assertEquals(List.of("c1", "d1"), started(out));
    }

    @Test
    void cycleReasonShowsTheCycleNotAnotherDependency() {
        // a1's first dependency (x1) is fine; the cycle runs through its second.
        List<Outcome> out = resolve(module("a1").requires("x1").requires("b1"), module("b1").requires("a1"), module("x1"));
        assertEquals(List.of("x1"), started(out));
        assertNotStartable(out, "a1", "module.reason.cycle", "a1 → b1 → a1");
        assertNotStartable(out, "b1", "module.reason.cycle", "b1 → a1 → b1");
    }

    @Test
    void longerCycleIsShownWholeFromEachMember() {
        List<Outcome> out = resolve(module("a1").requires("b1"), module("b1").requires("c1"), module("c1").requires("a1"));
        assertNotStartable(out, "a1", "module.reason.cycle", "a1 → b1 → c1 → a1");
        assertNotStartable(out, "b1", "module.reason.cycle", "b1 → c1 → a1 → b1");
        assertNotStartable(out, "c1", "module.reason.cycle", "c1 → a1 → b1 → c1");
    }

    @Test
    void independentModulesStillStartInOrderBesideACycle() {
        List<Outcome> out = resolve(module("a1").requires("b1"), module("b1").requires("a1"),
                module("engagement").requires("planning"), module("planning"));
        assertEquals(List.of("planning", "engagement"), started(out));
    }

    // --- descriptors that are themselves wrong ---

    @Test
    void modulesSharingAnIdAreBothRejected() {
        TestModule first = module("planning");
        TestModule second = module("planning").version("0.2.0");
        List<Outcome> out = resolve(first, second, module("promotion"));
        assertEquals(List.of("promotion"), started(out));
        for (TestModule duplicate : List.of(first, second)) {
            Reason r = out.stream().filter(o -> o.descriptor() == duplicate).findFirst().orElseThrow().reason();
            assertEquals(Reason.of("module.reason.duplicate", "planning"), r);
        }
    }

    @Test
    void moduleRequiringADuplicatedIdIsNotStartedBecauseItsDependencyIsNot() {
        List<Outcome> out = resolve(module("planning"), module("planning"), module("engagement").requires("planning"));
        assertEquals(List.of(), started(out));
        assertNotStartable(out, "engagement", "module.reason.dependencyNotStarted", "planning");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Planning", "p", "9lives", "has space", "-dash", "under_score", "",
        "a2345678901234567890123456789012345678901"})
    void moduleWithAnInvalidIdIsRejected(String id) {
        List<Outcome> out = resolve(module(id), module("planning"));
        assertEquals(List.of("planning"), started(out));
        assertNotStartable(out, id, "module.reason.invalidId", id);
    }

    @Test
    void acceptsIdsOfTwoToFortyCharacters() {
        String forty = "a234567890123456789012345678901234567890";
        assertEquals(40, forty.length());
        assertEquals(List.of(forty, "p2", "x-1"), started(resolve(module("p2"), module("x-1"), module(forty))));
    }

    @Test
    void moduleWithoutAnIdIsRejectedNotACrash() {
        TestModule nameless = module(null);
        List<Outcome> out = resolve(nameless, module("planning"));
        assertEquals(List.of("planning"), started(out));
        Outcome o = out.stream().filter(x -> x.descriptor() == nameless).findFirst().orElseThrow();
        assertEquals("module.reason.invalidId", o.reason().key());
    }

    @Test
    void moduleWithAnUnreadableVersionIsNotStarted() {
        List<Outcome> out = resolve(module("planning").version("one"), module("promotion"));
        assertEquals(List.of("promotion"), started(out));
        assertNotStartable(out, "planning", "module.reason.invalidVersion", "one");
    }

    @Test
    void moduleRequiringOneWithAnUnreadableVersionIsNotStartedNotACrash() {
        List<Outcome> out = resolve(module("planning").version("one"), module("engagement").requires("planning"));
        assertEquals(List.of(), started(out));
        assertNotStartable(out, "planning", "module.reason.invalidVersion");
        assertNotStartable(out, "engagement", "module.reason.dependencyNotStarted", "planning");
    }

    @Test
    void moduleWithAnUnreadableCoreRangeIsNotStarted() {
        List<Outcome> out = resolve(module("planning").core("[0.1"));
        assertNotStartable(out, "planning", "module.reason.invalidRange", "[0.1");
    }

    @Test
    void moduleWithAnUnreadableDependencyRangeIsNotStarted() {
        List<Outcome> out = resolve(module("engagement").requires("planning", "(0.1)"), module("planning"));
        assertEquals(List.of("planning"), started(out));
        assertNotStartable(out, "engagement", "module.reason.invalidRange", "(0.1)");
    }

    @Test
    void moduleWithoutVersionOrCoreRangeIsNotStartedNotACrash() {
        List<Outcome> out = resolve(module("planning").version(null), module("engagement").core(null));
        assertNotStartable(out, "planning", "module.reason.invalidVersion", "null");
        assertNotStartable(out, "engagement", "module.reason.invalidRange", "null");
    }

    // --- the list itself ---

    @Test
    void listsStartableModulesFirstThenTheOthersById() {
        List<Outcome> out = resolve(
                module("zz").requires("missing"),
                module("Bad"),
                module("mm"),
                module("aa").requires("zz"),
                module("dup"), module("dup"));
        assertEquals(List.of("mm"), started(out));
        assertEquals("mm", out.get(0).descriptor().id());
        List<String> others = out.subList(1, out.size()).stream().map(o -> o.descriptor().id()).collect(Collectors.toList());
        assertEquals(List.of("Bad", "aa", "dup", "dup", "zz"), others);
        assertFalse(out.subList(1, out.size()).stream().anyMatch(Outcome::startable));
    }
}
