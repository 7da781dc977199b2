package jp.machi.promotion.migration.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.audit.domain.EntityTypeNames;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentDataProvider;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.Retention;
import jp.machi.promotion.migration.domain.MigrationConsultation;

/** Migration consultations in residents' data requests: export by e-mail or phone, anonymisation after the retention period. */
@ApplicationScoped
public class ConsultationResidentData implements ResidentDataProvider {

    public static final String SOURCE = "promotion.migration-consultations";

    @Inject
    Tenancy tenancy;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("移住相談", "Migration consultations");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        EntityManager em = tenancy.bind(lgCode);
        Map<UUID, MigrationConsultation> found = new LinkedHashMap<>();
        if (query.email() != null) {
            em.createNamedQuery("MigrationConsultation.byEmail", MigrationConsultation.class).setParameter("email", query.email())
                    .getResultList().forEach(c -> found.put(c.getId(), c));
        }
        if (query.phoneDigits() != null) {
            em.createNamedQuery("MigrationConsultation.byPhone", MigrationConsultation.class).setParameter("phone", query.phoneDigits())
                    .getResultList().forEach(c -> found.put(c.getId(), c));
        }
        return found.values().stream().sorted(Comparator.comparing(MigrationConsultation::getCreatedAt)).map(this::record).toList();
    }

    private ResidentRecord record(MigrationConsultation c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consultedOn", c.getConsultedOn().toString());
        data.put("name", c.getName());
        data.put("email", c.getEmail());
        data.put("phone", c.getPhone());
        data.put("currentResidence", c.getCurrentResidence());
        data.put("household", c.getHousehold());
        data.put("followUps", c.getFollowUps().stream().map(f -> f.getFollowedOn() + (f.getNote() == null ? "" : " " + f.getNote())).toList());
        return new ResidentRecord(SOURCE, label().ja(), EntityTypeNames.of(MigrationConsultation.class), c.getId().toString(),
                c.getCreatedAt(), c.getAnonymisedAt() != null,
                PersonalDataFields.present(c).stream().filter(f -> !f.equals("phoneDigits")).toList(), data);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 0;
        for (MigrationConsultation c : tenancy.bind(lgCode).createNamedQuery("MigrationConsultation.expired", MigrationConsultation.class)
                .setParameter("before", retention.closedBefore())
                .setParameter("lastDay", retention.closedBefore().atZoneSameInstant(MigrationService.JAPAN_ZONE).toLocalDate())
                .getResultList()) {
            if (c.anonymise(now)) {
                n++;
            }
        }
        return n;
    }
}
