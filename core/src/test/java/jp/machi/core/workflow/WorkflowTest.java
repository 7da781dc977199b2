package jp.machi.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.i18n.Languages;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import org.junit.jupiter.api.Test;

/** The declaration and the decisions of a workflow: a letter's answer drafted, approved or returned. */
class WorkflowTest {

    static final class Letter {
        final UUID id = UUID.randomUUID();
        final UUID unit;
        String state = "DRAFT";

        Letter(UUID unit) {
            this.unit = unit;
        }
    }

    static final UUID UNIT = UUID.randomUUID();

    static final Workflow<Letter> WF = Workflow.<Letter>define("test.letter", l -> l.id, l -> l.state,
            (l, s) -> l.state = s)
            .state("DRAFT", "起案中", "Draft")
            .state("PENDING", "決裁待ち", "Awaiting approval")
            .state("APPROVED", "決裁済み", "Approved")
            .action("submit", "決裁に回す", "Submit", "PENDING").from("DRAFT")
                .by(Guard.<Letter>staffOfUnit(l -> l.unit).or(Guard.role(Role.MUNICIPALITY_ADMIN))).done()
            .action("approve", "承認", "Approve", "APPROVED").from("PENDING").by(Guard.moduleRole("test.approver")).done()
            .action("return", "差し戻し", "Return", "DRAFT").from("PENDING", "APPROVED")
                .by(Guard.moduleRole("test.approver")).reasonRequired().done()
            .build();

    static Caller staff(UUID unit, String... moduleRoles) {
        return new Caller("u-" + unit, "staff", Role.STAFF, "082201", unit, Caller.Method.PASSWORD, Set.of(moduleRoles));
    }

    static final Caller UNIT_STAFF = staff(UNIT);
    static final Caller APPROVER = staff(UUID.randomUUID(), "test.approver");
    static final Caller VIEWER_APPROVER = new Caller("v", "viewer", Role.VIEWER, "082201", UNIT, Caller.Method.PASSWORD,
            Set.of("test.approver"));

    @Test
    void theActionsOfTheRightPeopleInTheRightStatesAreAllowed() {
        Letter l = new Letter(UNIT);
        assertTrue(WF.decide(UNIT_STAFF, l, "submit", null).allowed());
        l.state = "PENDING";
        assertTrue(WF.decide(APPROVER, l, "approve", null).allowed());
        assertTrue(WF.decide(APPROVER, l, "return", "誤字があります").allowed());
        assertEquals("DRAFT", WF.decide(APPROVER, l, "return", "x").transition().to());
        assertTrue(WF.decide(Caller.SYSTEM, l, "approve", null).allowed(), "Machi itself may do everything");
    }

    @Test
    void refusalsComeInTheirOrder() {
        Letter l = new Letter(UNIT);
        assertEquals(Workflow.Refusal.UNKNOWN_ACTION, WF.decide(APPROVER, l, "publish", null).refusal());
        assertEquals(Workflow.Refusal.UNKNOWN_ACTION, WF.decide(APPROVER, l, null, null).refusal());
        // Never allowed to approve: 403 whatever the state.
        assertEquals(Workflow.Refusal.FORBIDDEN, WF.decide(UNIT_STAFF, l, "approve", null).refusal());
        assertEquals(Workflow.Refusal.FORBIDDEN, WF.decide(VIEWER_APPROVER, l, "approve", null).refusal(),
                "a viewer holding the module role is still a viewer");
        // Allowed, but not in this state: 409, with what is possible now.
        Workflow.Decision<Letter> notNow = WF.decide(APPROVER, l, "approve", null);
        assertEquals(Workflow.Refusal.NOT_NOW, notNow.refusal());
        assertEquals("DRAFT", notNow.current().code());
        assertEquals(List.of("submit"), notNow.possibleNow().stream().map(Workflow.Transition::action).toList());
        // Staff of another unit.
        assertEquals(Workflow.Refusal.FORBIDDEN, WF.decide(staff(UUID.randomUUID()), l, "submit", null).refusal());
        assertEquals(Workflow.Refusal.FORBIDDEN, WF.decide(staff(UNIT), new Letter(null), "submit", null).refusal());
        // A reason is required to return.
        l.state = "APPROVED";
        assertEquals(Workflow.Refusal.REASON_REQUIRED, WF.decide(APPROVER, l, "return", " ").refusal());
        assertNull(WF.decide(APPROVER, l, "return", "再検討").refusal());
    }

    @Test
    void whatACallerMayDoNowIsListed() {
        Letter l = new Letter(UNIT);
        assertEquals(List.of("submit"), actions(WF.available(UNIT_STAFF, l)));
        assertEquals(List.of(), actions(WF.available(APPROVER, l)));
        l.state = "PENDING";
        assertEquals(List.of(), actions(WF.available(UNIT_STAFF, l)));
        assertEquals(List.of("approve", "return"), actions(WF.available(APPROVER, l)));
    }

    @Test
    void refusalsAreProblemsInJapaneseAndEnglish() {
        Letter l = new Letter(UNIT);
        ApiException conflict = WorkflowService.refusal(WF, WF.decide(APPROVER, l, "approve", null), "approve");
        assertEquals(409, conflict.status());
        assertEquals("transition-not-allowed", conflict.type());
        assertEquals("「承認」は、現在の状態「起案中」ではできません。今できる操作: 「決裁に回す」",
                Messages.get(Languages.JAPANESE, conflict.detailKey(), conflict.args()));
        assertEquals("\"Approve\" is not possible while the state is \"Draft\". Possible now: \"Submit\"",
                Messages.get(Languages.ENGLISH, conflict.detailKey(), conflict.args()));
        ApiException forbidden = WorkflowService.refusal(WF, WF.decide(UNIT_STAFF, l, "approve", null), "approve");
        assertEquals(403, forbidden.status());
        assertEquals("transition-forbidden", forbidden.type());
        l.state = "PENDING";
        ApiException reason = WorkflowService.refusal(WF, WF.decide(APPROVER, l, "return", null), "return");
        assertEquals(400, reason.status());
        assertEquals("comment", reason.errors().get(0).field());
        assertEquals("Give a reason (comment) to take the action \"Return\".",
                Messages.get(Languages.ENGLISH, reason.errors().get(0).key(), reason.errors().get(0).args()));
        ApiException unknown = WorkflowService.refusal(WF, WF.decide(APPROVER, l, "publish", null), "publish");
        assertEquals("action", unknown.errors().get(0).field());
        assertEquals("操作「publish」はありません。指定できる操作: submit, approve, return",
                Messages.get(Languages.JAPANESE, unknown.errors().get(0).key(), unknown.errors().get(0).args()));
    }

    @Test
    void aWorkflowThatCannotWorkIsRefusedWhenDeclared() {
        assertThrows(IllegalArgumentException.class, () -> Workflow.<Letter>define("Letter", l -> l.id, l -> l.state,
                (l, s) -> l.state = s));
        assertThrows(IllegalStateException.class, () -> Workflow.<Letter>define("test.x", l -> l.id, l -> l.state,
                (l, s) -> l.state = s).state("A", "A", "A").action("go", "進む", "Go", "B").from("A")
                .by(Guard.role(Role.STAFF)).done().build());
        assertThrows(IllegalStateException.class, () -> Workflow.<Letter>define("test.x", l -> l.id, l -> l.state,
                (l, s) -> l.state = s).state("A", "A", "A").action("go", "進む", "Go", "A").from("A").done().build(),
                "who may take it must be said");
        assertThrows(IllegalStateException.class, () -> Workflow.<Letter>define("test.x", l -> l.id, l -> l.state,
                (l, s) -> l.state = s).state("A", "A", "A").action("go", "進む", "Go", "A").by(Guard.role(Role.STAFF))
                .done().build(), "possible from no state");
        assertThrows(IllegalArgumentException.class, () -> Workflow.<Letter>define("test.x", l -> l.id, l -> l.state,
                (l, s) -> l.state = s).state("A", "A", "A").state("A", "B", "B"));
    }

    private static List<String> actions(List<Workflow.Transition<Letter>> ts) {
        return ts.stream().map(Workflow.Transition::action).toList();
    }
}
