package jp.machi.core.personaldata.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.municipality.application.MunicipalityService;

/**
 * Every night at 03:15 Japan time, anonymises in every municipality the residents' personal data
 * past its retention period, one municipality per transaction (one failing does not stop the
 * others), as the system. A non-persistent EJB timer: a run missed while the server was down is
 * simply done the next night.
 */
@Singleton
public class AnonymisationSchedule {

    private static final Logger LOG = Logger.getLogger(AnonymisationSchedule.class.getName());

    @Inject
    ResidentDataService residents;

    @Inject
    MunicipalityService municipalities;

    @Schedule(hour = "3", minute = "15", timezone = "Asia/Tokyo", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void nightly() {
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
