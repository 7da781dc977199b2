package jp.machi.core.personaldata.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.municipality.application.MunicipalityService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every night (03:15 Japan time unless {@code MACHI_PERSONAL_DATA_ANONYMISE_HOUR} /
 * {@code …_MINUTE} say otherwise, as EJB schedule expressions), anonymises in every municipality
 * the residents' personal data past its retention period, one municipality per transaction (one
 * failing does not stop the others), as the system. A non-persistent timer: a run missed while
 * the server was down is simply done the next time.
 */
@Singleton
@Startup
public class AnonymisationSchedule {

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

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        ScheduleExpression when = new ScheduleExpression().hour(hour).minute(minute).second("0")
                .timezone("Asia/Tokyo");
        timers.createCalendarTimer(when, new TimerConfig("machi-personal-data-anonymisation", false));
        LOG.info(() -> "Anonymisation of personal data past retention scheduled at hour " + hour + ", minute " + minute
                + " (Asia/Tokyo)");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run() {
        CallerContext.runAs(Caller.SYSTEM, () -> {
            runAll();
            return null;
        });
    }

    void runAll() {
        List<String> codes = municipalities.all().stream().map(m -> m.getCode().value()).toList();
        for (String code : codes) {
            try {
                residents.anonymiseExpired(code);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Anonymising personal data past retention failed for " + code, e);
            }
        }
    }
}
