package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import jp.machi.core.observe.GaugeSource;
import jp.machi.engagement.voice.domain.VoiceStatus;

/**
 * {@code machi_voices_overdue}: open citizen voices past their answer deadline, per municipality (the
 * same rule as the list's {@code overdue} filter), read in one grouped query across municipalities.
 */
@ApplicationScoped
public class VoiceGauges implements GaugeSource {

    @Override
    public List<Reading> read(EntityManager platform) {
        // The open statuses are the enum's own constants (no input), written into the statement.
        String open = java.util.Arrays.stream(VoiceStatus.values()).filter(VoiceStatus::open)
                .map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = GaugeSource.sql(platform, "SELECT municipality_code, COUNT(*) FROM engagement_voice"
                + " WHERE spam = ? AND answer_due < ? AND status IN (" + open + ") GROUP BY municipality_code")
                .setParameter(1, false).setParameter(2, VoiceService.today()).getResultList();
        List<Reading> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Reading("machi_voices_overdue", "Open citizen voices past their answer deadline, per municipality",
                    ((Number) r[1]).doubleValue(), "municipality", String.valueOf(r[0])));
        }
        return out;
    }
}
