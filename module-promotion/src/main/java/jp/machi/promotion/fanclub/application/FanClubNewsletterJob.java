package jp.machi.promotion.fanclub.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

/**
 * Every minute, the queued fan club newsletters go out in batches: in each municipality that uses
 * the promotion module, up to its {@code fanClubNewsletterBatchSize} mails per run are written to
 * core's outbox (which delivers them, and retries), oldest newsletter first, {@value #CHUNK} members
 * per transaction. Once per deployment (core's scheduled jobs); a run stops taking new batches after
 * {@link #BUDGET} so that it ends within its minute. All state is in the database: after a restart
 * the next run carries on after the last committed batch.
 */
@ApplicationScoped
public class FanClubNewsletterJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(FanClubNewsletterJob.class.getName());
    static final int CHUNK = 100;
    static final Duration BUDGET = Duration.ofSeconds(40);

    @Inject
    MunicipalityService municipalities;

    @Inject
    ModuleEnablementService enablement;

    @Inject
    OneMunicipality one;

    @Override
    public String id() {
        return "promotion.fan-club-newsletters";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("ファンクラブ通信の送信", "Sending of fan club newsletters");
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.everyMinutes(1);
    }

    @Override
    public String run() {
        Instant stop = Instant.now().plus(BUDGET);
        List<String> codes = municipalities.all().stream().map(m -> m.getCode().value())
                .filter(c -> enablement.isEnabled(c, PromotionModule.ID)).toList();
        int mails = 0;
        int failed = 0;
        for (String code : codes) {
            try {
                int budget = one.batchSize(code);
                for (UUID id : one.unfinished(code)) {
                    int n;
                    do {
                        int chunk = Math.min(CHUNK, budget);
                        n = one.sendBatch(code, id, chunk);
                        budget -= n;
                        mails += n;
                        if (n < chunk) {
                            break;
                        }
                    } while (budget > 0 && Instant.now().isBefore(stop));
                    if (budget <= 0 || !Instant.now().isBefore(stop)) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // A batch another node committed first (the version), or a database fault: nothing of it was sent.
                failed++;
                LOG.log(Level.WARNING, "Fan club newsletters of " + code + " stopped for this run", e);
            }
        }
        String summary = mails + " newsletter mails written to the outbox";
        if (failed > 0) {
            throw new IllegalStateException(summary + "; stopped in " + failed + " municipalities (see the server log)");
        }
        return summary;
    }

    /** One municipality's part, each call in a transaction of its own, as Machi itself. */
    @ApplicationScoped
    public static class OneMunicipality {

        @Inject
        Tenancy tenancy;

        @Inject
        FanClubService fanClub;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public int batchSize(String code) {
            return CallerContext.runAs(Caller.SYSTEM, () -> {
                tenancy.bind(code);
                return fanClub.batchSize();
            });
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public List<UUID> unfinished(String code) {
            return CallerContext.runAs(Caller.SYSTEM, () -> {
                tenancy.bind(code);
                return fanClub.unfinished();
            });
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public int sendBatch(String code, UUID newsletter, int max) {
            return CallerContext.runAs(Caller.SYSTEM, () -> {
                tenancy.bind(code);
                return fanClub.sendBatch(newsletter, max);
            });
        }
    }
}
