package jp.machi.engagement.voice.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import jp.machi.core.api.ApiException;
import jp.machi.core.identity.Role;
import jp.machi.core.workflow.Guard;
import jp.machi.core.workflow.Workflow;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.voice.domain.AnswerState;
import jp.machi.engagement.voice.domain.CitizenVoice;

/**
 * 回答の決裁: a citizen voice's answer is drafted by the responsible unit, submitted for approval
 * ({@code submit}), and approved ({@code approve}) or returned with a reason ({@code return}) by a
 * holder of {@value EngagementModule#APPROVER}. Only an approved answer makes the voice answered
 * (回答済) and may be published or sent; returning an approved answer takes that back.
 * <ul>
 * <li>{@code submit} (DRAFT → PENDING): staff of the voice's unit, holders of
 * {@value EngagementModule#RESPONDER}, municipality administrators; the answer must be written;</li>
 * <li>{@code approve} (PENDING → APPROVED): holders of {@value EngagementModule#APPROVER};</li>
 * <li>{@code return} (PENDING or APPROVED → DRAFT, reason required): holders of
 * {@value EngagementModule#APPROVER}.</li>
 * </ul>
 */
public final class VoiceAnswerWorkflow {

    public static final Workflow<CitizenVoice> DEFINITION = Workflow.<CitizenVoice>define("engagement.voice-answer",
            CitizenVoice::getId, v -> v.getAnswerState().name(), (v, s) -> v.answerMovedTo(AnswerState.valueOf(s)))
            .state(AnswerState.DRAFT.name(), "起案中", "Drafting")
            .state(AnswerState.PENDING.name(), "決裁待ち", "Awaiting approval")
            .state(AnswerState.APPROVED.name(), "決裁済み", "Approved")
            .action("submit", "決裁に回す", "Submit for approval", AnswerState.PENDING.name())
                .from(AnswerState.DRAFT.name())
                .by(Guard.<CitizenVoice>staffOfUnit(CitizenVoice::getUnitId)
                        .or(Guard.moduleRole(EngagementModule.RESPONDER))
                        .or(Guard.role(Role.MUNICIPALITY_ADMIN)))
                .before((v, step) -> {
                    if (v.getAnswer() == null || v.getAnswer().isBlank()) {
                        throw ApiException.invalid(List.of(
                                new ApiException.FieldErrorKey("answer", "engagement.voice.answerNeeded")));
                    }
                })
                .after((v, step) -> v.answerSubmitted())
                .done()
            .action("approve", "承認する", "Approve", AnswerState.APPROVED.name())
                .from(AnswerState.PENDING.name())
                .by(Guard.moduleRole(EngagementModule.APPROVER))
                .after((v, step) -> v.answerApproved(OffsetDateTime.now(ZoneOffset.UTC)))
                .done()
            .action("return", "差し戻す", "Return for revision", AnswerState.DRAFT.name())
                .from(AnswerState.PENDING.name(), AnswerState.APPROVED.name())
                .by(Guard.moduleRole(EngagementModule.APPROVER))
                .reasonRequired()
                .after((v, step) -> v.answerReturned())
                .done()
            .build();

    private VoiceAnswerWorkflow() {
    }
}
