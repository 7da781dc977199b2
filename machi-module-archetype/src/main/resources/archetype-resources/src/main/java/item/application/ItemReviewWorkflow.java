package ${package}.item.application;

import ${package}.${className}Module;
import ${package}.item.domain.Item;
import ${package}.item.domain.ItemState;
import jp.machi.core.api.ApiException;
import jp.machi.core.workflow.Guard;
import jp.machi.core.workflow.Workflow;

/**
 * The review of an item sent from the portal, declared once with core's Workflow (README "Writing a module",
 * step "A workflow"): 申請中 → 受理 ({@code accept}) or 申請中 → 却下 ({@code reject}, a reason required), both by
 * staff holding {@value ${className}Module#REVIEWER}. Core's WorkflowService takes the actions, refuses the same
 * way in every module (403, 409, 400) and keeps the history; the item's version rises with its state, so the
 * API asks for If-Match.
 */
public final class ItemReviewWorkflow {

    public static final Workflow<Item> DEFINITION = Workflow.<Item>define(${className}Module.ID + ".item-review",
            Item::getId, i -> i.getState().name(), (i, s) -> i.movedTo(ItemState.valueOf(s)))
            .state(ItemState.SUBMITTED.name(), "申請中", "Submitted")
            .state(ItemState.ACCEPTED.name(), "受理", "Accepted")
            .state(ItemState.REJECTED.name(), "却下", "Rejected")
            .action("accept", "受理する", "Accept", ItemState.ACCEPTED.name())
                .from(ItemState.SUBMITTED.name())
                .by(Guard.moduleRole(${className}Module.REVIEWER))
                // A hook may still refuse, after every check: what the honeypot caught is only ever rejected.
                .before((i, step) -> {
                    if (i.isSpam()) {
                        throw ApiException.conflict("item-spam", "${moduleId}.item.spam", i.getReceiptNumber());
                    }
                })
                .done()
            .action("reject", "却下する", "Reject", ItemState.REJECTED.name())
                .from(ItemState.SUBMITTED.name())
                .by(Guard.moduleRole(${className}Module.REVIEWER))
                .reasonRequired()
                .done()
            .build();

    private ItemReviewWorkflow() {
    }
}
