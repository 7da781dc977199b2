package jp.machi.core.observe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/** Core's gauges: mail waiting in the outbox (and mail given up on) per municipality. */
@ApplicationScoped
public class CoreGauges implements GaugeSource {

    @Override
    public List<Reading> read(EntityManager platform) {
        List<Reading> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = GaugeSource.sql(platform,
                "SELECT municipality_code, status, COUNT(*) FROM mail_outbox WHERE status IN ('PENDING', 'FAILED')"
                        + " GROUP BY municipality_code, status").getResultList();
        for (Object[] r : rows) {
            boolean pending = "PENDING".equals(String.valueOf(r[1]));
            out.add(new Reading(pending ? "machi_mail_outbox_pending" : "machi_mail_outbox_failed",
                    pending ? "Mails waiting in the outbox to be sent, per municipality"
                            : "Mails the outbox gave up on (to be resent by staff), per municipality",
                    ((Number) r[2]).doubleValue(), "municipality", String.valueOf(r[0])));
        }
        return out;
    }
}
