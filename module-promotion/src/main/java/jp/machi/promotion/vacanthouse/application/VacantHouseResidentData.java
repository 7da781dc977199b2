package jp.machi.promotion.vacanthouse.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import jp.machi.promotion.vacanthouse.domain.VacantHouse;

/** Owners of vacant-house bank properties in residents' data requests; anonymised when closed longer than the retention period. */
@ApplicationScoped
public class VacantHouseResidentData implements ResidentDataProvider {

    public static final String SOURCE = "promotion.vacant-house-owners";

    @Inject
    Tenancy tenancy;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("空き家バンクの物件所有者", "Vacant-house bank owners");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        EntityManager em = tenancy.bind(lgCode);
        Map<UUID, VacantHouse> found = new LinkedHashMap<>();
        if (query.email() != null) {
            em.createNamedQuery("VacantHouse.byEmail", VacantHouse.class).setParameter("email", query.email())
                    .getResultList().forEach(v -> found.put(v.getId(), v));
        }
        if (query.phoneDigits() != null) {
            em.createNamedQuery("VacantHouse.byPhone", VacantHouse.class).setParameter("phone", query.phoneDigits())
                    .getResultList().forEach(v -> found.put(v.getId(), v));
        }
        return found.values().stream().map(this::record).toList();
    }

    private ResidentRecord record(VacantHouse v) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("property", v.getTitle());
        data.put("ownerName", v.getOwnerName());
        data.put("ownerAddress", v.getOwnerAddress());
        data.put("ownerPhone", v.getOwnerPhone());
        data.put("ownerEmail", v.getOwnerEmail());
        return new ResidentRecord(SOURCE, label().ja(), EntityTypeNames.of(VacantHouse.class), v.getId().toString(),
                v.getAppliedOn().atStartOfDay(VacantHouseService.JAPAN_ZONE).toOffsetDateTime(), v.getAnonymisedAt() != null,
                PersonalDataFields.present(v).stream().filter(f -> !f.equals("ownerPhoneDigits")).toList(), data);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 0;
        for (VacantHouse v : tenancy.bind(lgCode).createNamedQuery("VacantHouse.expired", VacantHouse.class)
                .setParameter("before", retention.closedBefore()).getResultList()) {
            if (v.anonymise(now)) {
                n++;
            }
        }
        return n;
    }
}
