package jp.machi.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.job.JobSchedule;
import jp.machi.core.job.ScheduledJob;

/**
 * Every minute, once per deployment: folds the change log into the change stamps' bases
 * ({@link ChangeStamps#fold(String)}), one municipality per transaction, so that reading a stamp
 * counts at most a minute of writes.
 */
@ApplicationScoped
public class ChangeLogFold implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(ChangeLogFold.class.getName());

    @Inject
    ChangeStamps stamps;

    @Override
    public String id() {
        return "core.change-log-fold";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("変更記録の集約（表示の再利用の判定用）", "Folding the change log (for reusing answers)");
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.everyMinutes(1);
    }

    @Override
    public String run() {
        long rows = 0;
        int failed = 0;
        int codes = 0;
        for (String code : stamps.unfolded()) {
            codes++;
            try {
                rows += stamps.fold(code);
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "Folding the change log failed for " + code, e);
            }
        }
        String summary = rows + " changes folded for " + codes + " municipalities";
        if (failed > 0) {
            throw new IllegalStateException(summary + "; failed for " + failed + " (see the server log)");
        }
        return summary;
    }
}
