package jp.machi.engagement.proposal.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import jp.machi.core.api.ApiException;
import jp.machi.core.identity.Role;
import jp.machi.core.workflow.Guard;
import jp.machi.core.workflow.Workflow;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.proposal.domain.CitizenProposal;
import jp.machi.engagement.voice.domain.AnswerState;

/**
 * 提言への回答の決裁, as for citizen voices: the lead unit drafts the answer and submits it
 * ({@code submit}: staff of the lead unit, {@value EngagementModule#RESPONDER}, municipality
 * administrators); a holder of {@value EngagementModule#APPROVER} approves it ({@code approve}) or
 * returns it with a reason ({@code return}). Only an approved answer is sent to the proposer or
 * shown on the portal.
 */
public final class ProposalAnswerWorkflow {

    public static final Workflow<CitizenProposal> DEFINITION = Workflow.<CitizenProposal>define(
            "engagement.proposal-answer", CitizenProposal::getId, p -> p.getAnswerState().name(),
            (p, s) -> p.answerMovedTo(AnswerState.valueOf(s)))
            .state(AnswerState.DRAFT.name(), "起案中", "Drafting")
            .state(AnswerState.PENDING.name(), "決裁待ち", "Awaiting approval")
            .state(AnswerState.APPROVED.name(), "決裁済み", "Approved")
            .action("submit", "決裁に回す", "Submit for approval", AnswerState.PENDING.name())
                .from(AnswerState.DRAFT.name())
                .by(Guard.<CitizenProposal>staffOfUnit(CitizenProposal::getUnitId)
                        .or(Guard.moduleRole(EngagementModule.RESPONDER))
                        .or(Guard.role(Role.MUNICIPALITY_ADMIN)))
                .before((p, step) -> {
                    if (p.getAnswer() == null || p.getAnswer().isBlank()) {
                        throw ApiException.invalid(List.of(
                                new ApiException.FieldErrorKey("answer", "engagement.proposal.answerNeeded")));
                    }
                })
                .after((p, step) -> p.answerSubmitted())
                .done()
            .action("approve", "承認する", "Approve", AnswerState.APPROVED.name())
                .from(AnswerState.PENDING.name())
                .by(Guard.moduleRole(EngagementModule.APPROVER))
                .after((p, step) -> p.answerApproved(OffsetDateTime.now(ZoneOffset.UTC)))
                .done()
            .action("return", "差し戻す", "Return for revision", AnswerState.DRAFT.name())
                .from(AnswerState.PENDING.name(), AnswerState.APPROVED.name())
                .by(Guard.moduleRole(EngagementModule.APPROVER))
                .reasonRequired()
                .after((p, step) -> p.answerReturned())
                .done()
            .build();

    private ProposalAnswerWorkflow() {
    }
}
