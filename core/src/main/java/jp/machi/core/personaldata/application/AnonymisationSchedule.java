package jp.machi.core.personaldata.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.job.JobSchedule;
import jp.machi.core.job.ScheduledJob;
import jp.machi.core.municipality.application.MunicipalityService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every night (03:15 Japan time unless {@code MACHI_PERSONAL_DATA_ANONYMISE_HOUR} /
 * {@code …_MINUTE} say otherwise: a number or {@code *}), anonymises in every municipality the
 * residents' personal data past its retention period, one municipality per transaction (one
 * failing does not stop the others), as the system. A {@link ScheduledJob}: once per deployment
 * however many nodes run; a run missed while every node was down is simply done the next time.
 */
@ApplicationScoped
public class AnonymisationSchedule implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(AnonymisationSchedule.class.getName());

    @Inject
    ResidentDataService residents;

    @Inject
    MunicipalityService municipalities;

    @Inject
    @ConfigProperty(name = "machi.personal-data.anonymise.hour", defaultValue = "3")
    String hour;

    @Inject
    @ConfigProperty(name = "machi.personal-data.anonymise.minute", defaultValue = "15")
    String minute;

    private JobSchedule schedule;

    @PostConstruct
    void readSettings() {
        schedule = JobSchedule.of(hour, minute, "MACHI_PERSONAL_DATA_ANONYMISE");
        LOG.info(() -> "Anonymisation of personal data past retention scheduled at hour " + hour + ", minute " + minute
                + " (Asia/Tokyo)");
    }

    @Override
    public String id() {
        return "core.personal-data-anonymisation";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("保存期間を過ぎた個人情報の匿名化", "Anonymisation of personal data past retention");
    }

    @Override
    public JobSchedule schedule() {
        return schedule;
    }

    @Override
    public String run() {
        List<String> codes = municipalities.all().stream().map(m -> m.getCode().value()).toList();
        int records = 0;
        int failed = 0;
        for (String code : codes) {
            try {
                records += residents.anonymiseExpired(code).total();
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "Anonymising personal data past retention failed for " + code, e);
            }
        }
        String summary = records + " records anonymised in " + codes.size() + " municipalities";
        if (failed > 0) {
            throw new IllegalStateException(summary + "; failed in " + failed + " (see the server log)");
        }
        return summary;
    }
}
