package jp.machi.collaboration.sponsorship.application;

import jakarta.enterprise.inject.spi.CDI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.sponsorship.domain.Sponsorship;
import jp.machi.collaboration.sponsorship.domain.SponsorshipState;
import jp.machi.core.api.ApiException;
import jp.machi.core.workflow.Guard;
import jp.machi.core.workflow.Workflow;

/**
 * 後援名義使用の審査: an application is approved ({@code approve}: 申請中 → 承認) once every criterion of
 * the municipality's checklist is checked and the organiser has reported on its earlier approved
 * events, or refused with a reason ({@code refuse}: 申請中 → 不承認), by a holder of
 * {@value CollaborationModule#APPROVER}; a refusal may be taken up again ({@code reopen}). The
 * organiser gets the decision by e-mail.
 */
public final class SponsorshipWorkflow {

    public static final Workflow<Sponsorship> DEFINITION = Workflow.<Sponsorship>define("collaboration.sponsorship",
            Sponsorship::getId, s -> s.getState().name(), (s, st) -> s.movedTo(SponsorshipState.valueOf(st)))
            .state(SponsorshipState.APPLIED.name(), "申請中", "Applied")
            .state(SponsorshipState.APPROVED.name(), "承認", "Approved")
            .state(SponsorshipState.REFUSED.name(), "不承認", "Refused")
            .action("approve", "後援名義の使用を承認する", "Approve the use of the name", SponsorshipState.APPROVED.name())
                .from(SponsorshipState.APPLIED.name())
                .by(Guard.moduleRole(CollaborationModule.APPROVER))
                .before((s, step) -> {
                    notSpam(s);
                    CDI.current().select(SponsorshipService.class).get().requireApprovable(s);
                })
                .after((s, step) -> decided(s, step))
                .done()
            .action("refuse", "後援名義の使用を承認しない", "Refuse the use of the name", SponsorshipState.REFUSED.name())
                .from(SponsorshipState.APPLIED.name())
                .by(Guard.moduleRole(CollaborationModule.APPROVER))
                .reasonRequired()
                .before((s, step) -> notSpam(s))
                .after((s, step) -> decided(s, step))
                .done()
            .action("reopen", "審査をやり直す", "Reopen the application", SponsorshipState.APPLIED.name())
                .from(SponsorshipState.REFUSED.name())
                .by(Guard.moduleRole(CollaborationModule.APPROVER))
                .reasonRequired()
                .after((s, step) -> s.decided(null, null, null))
                .done()
            .build();

    private static void decided(Sponsorship s, Workflow.Step step) {
        s.decided(PartnerService.today(), step.comment(), OffsetDateTime.now(ZoneOffset.UTC));
        CDI.current().select(SponsorshipMails.class).get().decision(s);
    }

    private static void notSpam(Sponsorship s) {
        if (s.isSpam()) {
            throw ApiException.conflict("sponsorship-spam", "collaboration.partner.isSpam", s.getReceiptNumber());
        }
    }

    private SponsorshipWorkflow() {
    }
}
