package jp.machi.collaboration.partner.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.collaboration.partner.domain.PartnerState;
import jp.machi.core.api.ApiException;
import jp.machi.core.workflow.Guard;
import jp.machi.core.workflow.Workflow;

/**
 * 団体登録の審査: an organisation's application is approved ({@code approve}: 申請中 → 登録済) or refused
 * with a reason ({@code refuse}: 申請中 → 不承認) by a holder of {@value CollaborationModule#APPROVER};
 * a registration ends with a reason ({@code close}: 登録済 → 登録終了), and a refused or ended one may
 * be taken up again ({@code reopen}: → 申請中), by the same role. An application filed as spam is
 * decided only after staff release it.
 */
public final class PartnerRegistrationWorkflow {

    public static final Workflow<Partner> DEFINITION = Workflow.<Partner>define("collaboration.partner-registration",
            Partner::getId, p -> p.getState().name(), (p, s) -> p.movedTo(PartnerState.valueOf(s)))
            .state(PartnerState.APPLIED.name(), "申請中", "Applied")
            .state(PartnerState.REGISTERED.name(), "登録済", "Registered")
            .state(PartnerState.REFUSED.name(), "不承認", "Refused")
            .state(PartnerState.CLOSED.name(), "登録終了", "Registration ended")
            .action("approve", "登録を承認する", "Approve the registration", PartnerState.REGISTERED.name())
                .from(PartnerState.APPLIED.name())
                .by(Guard.moduleRole(CollaborationModule.APPROVER))
                .before((p, step) -> notSpam(p))
                .after((p, step) -> p.registered(PartnerService.today()))
                .done()
            .action("refuse", "登録を承認しない", "Refuse the registration", PartnerState.REFUSED.name())
                .from(PartnerState.APPLIED.name())
                .by(Guard.moduleRole(CollaborationModule.APPROVER))
                .reasonRequired()
                .before((p, step) -> notSpam(p))
                .after((p, step) -> p.ended(OffsetDateTime.now(ZoneOffset.UTC)))
                .done()
            .action("close", "登録を終了する", "End the registration", PartnerState.CLOSED.name())
                .from(PartnerState.REGISTERED.name())
                .by(Guard.moduleRole(CollaborationModule.APPROVER))
                .reasonRequired()
                .after((p, step) -> p.ended(OffsetDateTime.now(ZoneOffset.UTC)))
                .done()
            .action("reopen", "審査をやり直す", "Reopen the application", PartnerState.APPLIED.name())
                .from(PartnerState.REFUSED.name(), PartnerState.CLOSED.name())
                .by(Guard.moduleRole(CollaborationModule.APPROVER))
                .reasonRequired()
                .after((p, step) -> p.reopened())
                .done()
            .build();

    private static void notSpam(Partner p) {
        if (p.isSpam()) {
            throw ApiException.conflict("partner-spam", "collaboration.partner.isSpam", p.getReceiptNumber());
        }
    }

    private PartnerRegistrationWorkflow() {
    }
}
