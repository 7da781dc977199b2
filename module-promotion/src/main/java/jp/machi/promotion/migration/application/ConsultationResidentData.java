package jp.machi.promotion.migration.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;
import jp.machi.promotion.migration.domain.MigrationConsultation;

/** Migration consultations in residents' data requests: export by e-mail or phone, anonymisation after the retention period. */
@ApplicationScoped
public class ConsultationResidentData extends EntityResidentData<MigrationConsultation> {

    public static final String SOURCE = "promotion.migration-consultations";

    public ConsultationResidentData() {
        super(SOURCE, LocalizedText.of("移住相談", "Migration consultations"), MigrationConsultation.class,
                Lookup.byEmailOrPhone("MigrationConsultation.byEmail", "MigrationConsultation.byPhone", "phoneDigits"));
    }

    @Override
    protected OffsetDateTime recordedAt(MigrationConsultation c) {
        return c.getCreatedAt();
    }

    @Override
    protected void data(MigrationConsultation c, Map<String, Object> data) {
        data.put("consultedOn", c.getConsultedOn().toString());
        data.put("name", c.getName());
        data.put("email", c.getEmail());
        data.put("phone", c.getPhone());
        data.put("currentResidence", c.getCurrentResidence());
        data.put("household", c.getHousehold());
        data.put("followUps", c.getFollowUps().stream().map(f -> f.getFollowedOn() + (f.getNote() == null ? "" : " " + f.getNote())).toList());
    }

    @Override
    protected List<MigrationConsultation> expired(Retention retention) {
        return query("MigrationConsultation.expired")
                .setParameter("before", retention.closedBefore())
                .setParameter("lastDay", retention.closedBefore().atZoneSameInstant(MigrationService.JAPAN_ZONE).toLocalDate())
                .getResultList();
    }
}
