package jp.machi.core.mail.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.job.JobSchedule;
import jp.machi.core.job.ScheduledJob;
import jp.machi.core.municipality.application.MunicipalityService;

/** Every minute, one more attempt at each pending mail whose backoff has passed, in every municipality. */
@ApplicationScoped
public class MailRetryJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(MailRetryJob.class.getName());
    private static final int PER_MUNICIPALITY = 200;

    @Inject
    MunicipalityService municipalities;

    @Inject
    MailDelivery delivery;

    @Override
    public String id() {
        return "core.mail-retry";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("送信できなかったメールの再送", "Retry of mail not yet sent");
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.everyMinutes(1);
    }

    @Override
    public String run() {
        int sent = 0;
        int failed = 0;
        for (String code : municipalities.all().stream().map(m -> m.getCode().value()).toList()) {
            List<UUID> due;
            try {
                due = delivery.due(code, PER_MUNICIPALITY);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reading the outbox of " + code + " failed", e);
                continue;
            }
            for (UUID id : due) {
                if (delivery.deliver(code, id)) {
                    sent++;
                } else {
                    failed++;
                }
            }
        }
        return sent + " mails sent, " + failed + " attempts failed";
    }
}
