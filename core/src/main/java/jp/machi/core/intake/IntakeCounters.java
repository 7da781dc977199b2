package jp.machi.core.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.machi.core.persistence.Tenancy;

/**
 * The rows that must exist before a submission's own transaction counts on them, each created in
 * a transaction of its own so that two nodes creating the same row at once cost one of them a
 * retry, not the resident's submission. Plain SQL on tables of natural keys: counters are not
 * audited records.
 */
@ApplicationScoped
public class IntakeCounters {

    @Inject
    Tenancy tenancy;

    /** Creates the receipt counter of a series and fiscal year at 0 unless it exists. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensureCounter(String lgCode, String series, int fiscalYear) {
        ensureCounterIn(tenancy.platform(), lgCode, series, fiscalYear);
    }

    private static void ensureCounterIn(EntityManager em, String lgCode, String series, int fiscalYear) {
        Number n = (Number) NativeSql.of(em, "SELECT COUNT(*) FROM intake_counter WHERE municipality_code = ?1"
                + " AND series = ?2 AND fiscal_year = ?3").setParameter(1, lgCode).setParameter(2, series)
                .setParameter(3, fiscalYear).getSingleResult();
        if (n.longValue() == 0) {
            NativeSql.of(em, "INSERT INTO intake_counter (municipality_code, series, fiscal_year, last_number)"
                    + " VALUES (?1, ?2, ?3, 0)").setParameter(1, lgCode).setParameter(2, series)
                    .setParameter(3, fiscalYear).executeUpdate();
        }
    }

    /**
     * What core must know before a submission's own transaction touches the database, read and
     * written in one short transaction of its own (so a request never holds two connections):
     * the remembered answer of its idempotency key if any (then nothing else happens), the
     * municipality's settings, the client's count in the current window (counted here), the
     * receipt counter of the series and fiscal year (created at 0 if missing) and, unless the client
     * is over the limit, the submission's receipt number, drawn last. Fails if another
     * node created one of these rows at the same moment; the caller then asks once more.
     *
     * @param client the client's hash, or null when the caller is not limited (staff)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Gate gate(String lgCode, String series, String key, int fiscalYear, String client, long now) {
        EntityManager em = tenancy.platform();
        if (key != null) {
            @SuppressWarnings("unchecked")
            java.util.List<Object[]> rows = NativeSql.of(em, "SELECT fingerprint, status, answer FROM"
                    + " intake_idempotency WHERE municipality_code = ?1 AND series = ?2 AND idem_key = ?3"
                    + " AND expires_at > ?4").setParameter(1, lgCode).setParameter(2, series).setParameter(3, key)
                    .setParameter(4, now).getResultList();
            if (!rows.isEmpty()) {
                Object[] r = rows.get(0);
                return new Gate(new Remembered((String) r[0], ((Number) r[1]).intValue(), (String) r[2]),
                        null, 0, 0, 0);
            }
        }
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> found = NativeSql.of(em, "SELECT rate_limit_count, rate_limit_window_seconds,"
                + " honeypot_enabled FROM intake_setting WHERE municipality_code = ?1").setParameter(1, lgCode)
                .getResultList();
        Limits limits = found.isEmpty() ? Limits.DEFAULTS : new Limits(((Number) found.get(0)[0]).intValue(),
                ((Number) found.get(0)[1]).intValue(), Boolean.TRUE.equals(found.get(0)[2]));
        long hits = 0;
        long windowEnd = 0;
        if (client != null && limits.count() > 0) {
            long window = limits.windowSeconds();
            long start = now - Math.floorMod(now, window);
            windowEnd = start + window;
            NativeSql.of(em, "DELETE FROM intake_rate WHERE municipality_code = ?1 AND window_end <= ?2")
                    .setParameter(1, lgCode).setParameter(2, now).executeUpdate();
            NativeSql.of(em, "DELETE FROM intake_idempotency WHERE municipality_code = ?1 AND expires_at <= ?2")
                    .setParameter(1, lgCode).setParameter(2, now).executeUpdate();
            int updated = NativeSql.of(em, "UPDATE intake_rate SET hits = hits + 1 WHERE municipality_code = ?1"
                    + " AND client = ?2 AND window_start = ?3").setParameter(1, lgCode).setParameter(2, client)
                    .setParameter(3, start).executeUpdate();
            if (updated == 0) {
                NativeSql.of(em, "INSERT INTO intake_rate (municipality_code, client, window_start, window_end,"
                        + " hits) VALUES (?1, ?2, ?3, ?4, 1)").setParameter(1, lgCode).setParameter(2, client)
                        .setParameter(3, start).setParameter(4, windowEnd).executeUpdate();
                hits = 1;
            } else {
                hits = ((Number) NativeSql.of(em, "SELECT hits FROM intake_rate WHERE municipality_code = ?1"
                        + " AND client = ?2 AND window_start = ?3").setParameter(1, lgCode).setParameter(2, client)
                        .setParameter(3, start).getSingleResult()).longValue();
            }
        }
        ensureCounterIn(em, lgCode, series, fiscalYear);
        if (client != null && limits.count() > 0 && hits > limits.count()) {
            return new Gate(null, limits, hits, windowEnd, 0);
        }
        // Last, so that the counter's row is locked only while this short transaction commits, not while the
        // submission's own transaction stores it: submissions of one municipality wait on each other for one
        // commit, not for all their work (issue 15's public writes/s).
        increment(em, lgCode, series, fiscalYear);
        return new Gate(null, limits, hits, windowEnd, lastNumber(em, lgCode, series, fiscalYear));
    }

    /** Raises the counter of the series and fiscal year by one (its row locked until commit); 0 when it has none. */
    static int increment(EntityManager em, String lgCode, String series, int fiscalYear) {
        return NativeSql.of(em, "UPDATE intake_counter SET last_number = last_number + 1 WHERE municipality_code = ?1"
                + " AND series = ?2 AND fiscal_year = ?3").setParameter(1, lgCode).setParameter(2, series)
                .setParameter(3, fiscalYear).executeUpdate();
    }

    /** The counter's last number, as this transaction sees it. */
    static long lastNumber(EntityManager em, String lgCode, String series, int fiscalYear) {
        return ((Number) NativeSql.of(em, "SELECT last_number FROM intake_counter WHERE municipality_code = ?1"
                + " AND series = ?2 AND fiscal_year = ?3").setParameter(1, lgCode).setParameter(2, series)
                .setParameter(3, fiscalYear).getSingleResult()).longValue();
    }

    /** A municipality's limits as read for one submission. */
    public record Limits(int count, int windowSeconds, boolean honeypot) {
        static final Limits DEFAULTS = new Limits(jp.machi.core.intake.domain.IntakeSettings.DEFAULT_RATE_LIMIT_COUNT,
                jp.machi.core.intake.domain.IntakeSettings.DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
                jp.machi.core.intake.domain.IntakeSettings.DEFAULT_HONEYPOT_ENABLED);
    }

    /** The first answer to an idempotency key: the body's fingerprint, the status and the JSON answered. */
    public record Remembered(String fingerprint, int status, String answer) {
    }

    /**
     * See {@link #gate}: {@code remembered} set means replay; else the limits, the client's count and, unless the
     * client is over the limit, the submission's receipt {@code number} (drawn and committed here).
     */
    public record Gate(Remembered remembered, Limits limits, long hits, long windowEnd, long number) {
    }
}
