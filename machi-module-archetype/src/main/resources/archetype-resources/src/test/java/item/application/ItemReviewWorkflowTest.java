package ${package}.item.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Set;
import ${package}.${className}Module;
import ${package}.item.domain.Item;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.intake.Intake;
import jp.machi.core.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** Who may decide on an item sent from the portal, and when (core's WorkflowService acts on these decisions). */
class ItemReviewWorkflowTest {

    static final Workflow<Item> WF = ItemReviewWorkflow.DEFINITION;

    static Caller staff(String... moduleRoles) {
        return new Caller("u1", "職員", Role.STAFF, "082201", null, Caller.Method.PASSWORD, Set.of(moduleRoles));
    }

    static Item sent() {
        Intake in = new Intake("B-R8-000001", FiscalYear.of(2026), OffsetDateTime.now(), false);
        return Item.submitted(new Item.Content(in.fiscalYear(), "提案", null), in, "a@example.jp");
    }

    @Test
    void aReviewerAcceptsOrRejectsWithAReason() {
        Caller reviewer = staff(${className}Module.REVIEWER);
        assertTrue(WF.decide(reviewer, sent(), "accept", null).allowed());
        assertEquals(Workflow.Refusal.REASON_REQUIRED, WF.decide(reviewer, sent(), "reject", " ").refusal());
        assertTrue(WF.decide(reviewer, sent(), "reject", "対象外です").allowed());
    }

    @Test
    void staffWithoutTheRoleMayNotAndAnAcceptedItemIsDecided() {
        assertEquals(Workflow.Refusal.FORBIDDEN, WF.decide(staff(), sent(), "accept", null).refusal());
        Item accepted = new Item(new Item.Content(FiscalYear.of(2026), "登録済み", null));
        assertEquals(Workflow.Refusal.NOT_NOW,
                WF.decide(staff(${className}Module.REVIEWER), accepted, "reject", "理由").refusal());
    }
}
