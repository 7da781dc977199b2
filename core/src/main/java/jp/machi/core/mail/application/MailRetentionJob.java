package jp.machi.core.mail.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.job.JobSchedule;
import jp.machi.core.job.ScheduledJob;
import jp.machi.core.municipality.application.MunicipalityService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every night at 03:30 Japan time, removes the recipient and the body of the mails sent or given
 * up more than {@code MACHI_MAIL_RETENTION_DAYS} (default 90) days ago, in every municipality: the
 * outbox is a delivery log, not an archive (what was answered stays on the record it was about).
 * Subject, status, attempts and dates stay.
 */
@ApplicationScoped
public class MailRetentionJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(MailRetentionJob.class.getName());

    @Inject
    MunicipalityService municipalities;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "machi.mail.retention-days", defaultValue = "90")
    int days;

    @Override
    public String id() {
        return "core.mail-retention";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("送信済みメールの宛先と本文の削除", "Removal of sent mails' recipients and bodies");
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.daily(3, 30);
    }

    @Override
    public String run() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusDays(Math.max(days, 0));
        int n = 0;
        for (String code : municipalities.all().stream().map(m -> m.getCode().value()).toList()) {
            try {
                n += outbox.anonymiseBefore(code, before);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Removing old mail data failed for " + code, e);
            }
        }
        return n + " mails cleared (older than " + days + " days)";
    }
}
