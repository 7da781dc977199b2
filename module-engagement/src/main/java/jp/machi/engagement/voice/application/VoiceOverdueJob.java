package jp.machi.engagement.voice.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.job.JobSchedule;
import jp.machi.core.job.ScheduledJob;
import jp.machi.core.municipality.application.ModuleEnablementService;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.engagement.EngagementModule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every morning (07:00 Japan time unless {@code MACHI_ENGAGEMENT_OVERDUE_HOUR} / {@code …_MINUTE}
 * say otherwise: a number or {@code *}), the deadline reminders of citizen voices
 * ({@link VoiceReminders}) in every municipality that uses the engagement module, one municipality
 * per transaction. Once per deployment however many nodes run (core's scheduled jobs).
 */
@ApplicationScoped
public class VoiceOverdueJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(VoiceOverdueJob.class.getName());

    @Inject
    VoiceReminders reminders;

    @Inject
    MunicipalityService municipalities;

    @Inject
    ModuleEnablementService enablement;

    @Inject
    @ConfigProperty(name = "machi.engagement.overdue.hour", defaultValue = "7")
    String hour;

    @Inject
    @ConfigProperty(name = "machi.engagement.overdue.minute", defaultValue = "0")
    String minute;

    private JobSchedule schedule;

    @PostConstruct
    void readSettings() {
        schedule = JobSchedule.of(hour, minute, "MACHI_ENGAGEMENT_OVERDUE");
    }

    @Override
    public String id() {
        return "engagement.overdue-reminders";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("市民の声の回答期限の通知と督促", "Citizen voice deadline warnings and escalations");
    }

    @Override
    public JobSchedule schedule() {
        return schedule;
    }

    @Override
    public String run() {
        List<String> codes = municipalities.all().stream().map(m -> m.getCode().value())
                .filter(c -> enablement.isEnabled(c, EngagementModule.ID)).toList();
        int warnings = 0;
        int escalations = 0;
        int failed = 0;
        for (String code : codes) {
            try {
                VoiceReminders.Sent s = reminders.run(code, VoiceService.today());
                warnings += s.warnings();
                escalations += s.escalations();
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "Citizen voice reminders failed for " + code, e);
            }
        }
        String summary = warnings + " warnings, " + escalations + " escalations in " + codes.size() + " municipalities";
        if (failed > 0) {
            throw new IllegalStateException(summary + "; failed in " + failed + " (see the server log)");
        }
        return summary;
    }
}
