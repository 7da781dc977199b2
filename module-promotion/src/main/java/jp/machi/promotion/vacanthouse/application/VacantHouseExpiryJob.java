package jp.machi.promotion.vacanthouse.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.job.JobSchedule;
import jp.machi.core.job.ScheduledJob;
import jp.machi.core.municipality.application.ModuleEnablementService;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every night (00:30 Japan time unless {@code MACHI_PROMOTION_VACANT_HOUSE_EXPIRY_HOUR} / {@code …_MINUTE}
 * say otherwise), the registrations of the vacant-house bank whose last day has passed become
 * 登録期限切れ (and leave the portal), in every municipality that uses the promotion module, one
 * municipality per transaction. Once per deployment (core's scheduled jobs).
 */
@ApplicationScoped
public class VacantHouseExpiryJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(VacantHouseExpiryJob.class.getName());

    @Inject
    MunicipalityService municipalities;

    @Inject
    ModuleEnablementService enablement;

    @Inject
    OneMunicipality one;

    @Inject
    @ConfigProperty(name = "machi.promotion.vacant-house.expiry.hour", defaultValue = "0")
    String hour;

    @Inject
    @ConfigProperty(name = "machi.promotion.vacant-house.expiry.minute", defaultValue = "30")
    String minute;

    private JobSchedule schedule;

    @PostConstruct
    void readSettings() {
        schedule = JobSchedule.of(hour, minute, "MACHI_PROMOTION_VACANT_HOUSE_EXPIRY");
    }

    @Override
    public String id() {
        return "promotion.vacant-house-expiry";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("空き家バンクの登録期限切れ", "Vacant-house bank registrations running out");
    }

    @Override
    public JobSchedule schedule() {
        return schedule;
    }

    @Override
    public String run() {
        List<String> codes = municipalities.all().stream().map(m -> m.getCode().value())
                .filter(c -> enablement.isEnabled(c, PromotionModule.ID)).toList();
        int expired = 0;
        int failed = 0;
        for (String code : codes) {
            try {
                expired += one.expire(code);
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "Vacant-house expiry failed for " + code, e);
            }
        }
        String summary = expired + " registrations expired in " + codes.size() + " municipalities";
        if (failed > 0) {
            throw new IllegalStateException(summary + "; failed in " + failed + " (see the server log)");
        }
        return summary;
    }

    /** One municipality's expiry, in a transaction of its own, as Machi itself. */
    @ApplicationScoped
    public static class OneMunicipality {

        @Inject
        Tenancy tenancy;

        @Inject
        VacantHouseService houses;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public int expire(String code) {
            return CallerContext.runAs(Caller.SYSTEM, () -> {
                tenancy.bind(code);
                return houses.expire(VacantHouseService.today());
            });
        }
    }
}
