package jp.machi.core.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import jp.machi.core.workflow.Guard;
import jp.machi.core.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every module id the resolver starts is accepted by everything in core keyed by a module id: a workflow
 * ({@code <id>.<name>}), the message bundle of its keys ({@code <id>.…}), a metric source ({@code <id>:<metric>}).
 */
class ModuleIdsTest {

    static final String FORTY = "a234567890123456789012345678901234567-9z";

    @ParameterizedTest
    @ValueSource(strings = {"p2", "planning", "x-1", "bousai-drill", "a--b", "ab-", FORTY})
    void anIdTheResolverStartsIsAcceptedEverywhere(String id) {
        List<ModuleResolver.Outcome> out = ModuleResolver.resolve(Version.parse("0.1.0-SNAPSHOT"),
                List.of(TestModule.module(id)));
        assertTrue(out.get(0).startable(), () -> id + ": " + out.get(0).reason());
        assertTrue(ModuleIds.valid(id));

        Workflow<UUID> wf = Workflow.<UUID>define(id + ".item-review", u -> u, u -> "SUBMITTED", (u, s) -> { })
                .state("SUBMITTED", "申請中", "Submitted").state("ACCEPTED", "受理", "Accepted")
                .action("accept", "受理する", "Accept", "ACCEPTED").from("SUBMITTED")
                .by(Guard.moduleRole(id + ".reviewer")).done()
                .build();
        assertEquals(id + ".item-review", wf.id());
        assertEquals(id, ModuleIds.prefixOf(id + ".item.notFound", '.'), "its message keys find its bundle");
        assertTrue((id + ":items-per-fiscal-year").matches("^" + ModuleIds.REGEX + ":[A-Za-z0-9._-]+$"),
                "a metric source of the module");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Planning", "1abc", "-abc", "bousai_drill", "bousai.drill", FORTY + "x"})
    void anIdTheResolverRefusesIsRefusedEverywhere(String id) {
        List<ModuleResolver.Outcome> out = ModuleResolver.resolve(Version.parse("0.1.0-SNAPSHOT"),
                List.of(TestModule.module(id)));
        assertFalse(out.get(0).startable(), id);
        assertFalse(ModuleIds.valid(id));
        assertFalse(Workflow.validId(id + ".item-review"), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bousai-drill", "bousai-drill.", "bousai-drill.Item", "bousai-drill.item_review",
        "bousai-drill.1st"})
    void aWorkflowIdNamesTheModuleAndAName(String id) {
        assertEquals(id.equals("bousai-drill") ? null : "bousai-drill", ModuleIds.prefixOf(id, '.'));
        assertFalse(Workflow.validId(id), id);
    }

    @Test
    void aWorkflowIdFitsTheHistorysColumn() {
        assertTrue(Workflow.validId(FORTY + ".item-review"));
        assertTrue(Workflow.validId(FORTY + ".item-review-history"), "60 characters");
        assertEquals(Workflow.ID_MAX + 1, (FORTY + ".item-review-history2").length());
        assertFalse(Workflow.validId(FORTY + ".item-review-history2"), "61 characters");
        assertNull(ModuleIds.prefixOf(null, '.'));
    }
}
