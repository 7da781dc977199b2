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
import jp.machi.promotion.vacanthouse.domain.HouseSeeker;

/**
 * House seekers of the vacant-house bank in residents' data requests; anonymised once refused, or once
 * their registration ended, longer ago than the retention period.
 */
@ApplicationScoped
public class HouseSeekerResidentData implements ResidentDataProvider {

    public static final String SOURCE = "promotion.house-seekers";

    @Inject
    Tenancy tenancy;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("空き家バンクの利用登録者", "Vacant-house bank house seekers");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        EntityManager em = tenancy.bind(lgCode);
        Map<UUID, HouseSeeker> found = new LinkedHashMap<>();
        if (query.email() != null) {
            em.createNamedQuery("HouseSeeker.byEmail", HouseSeeker.class).setParameter("email", query.email())
                    .getResultList().forEach(s -> found.put(s.getId(), s));
        }
        if (query.phoneDigits() != null) {
            em.createNamedQuery("HouseSeeker.byPhone", HouseSeeker.class).setParameter("phone", query.phoneDigits())
                    .getResultList().forEach(s -> found.put(s.getId(), s));
        }
        return found.values().stream().map(this::record).toList();
    }

    private ResidentRecord record(HouseSeeker s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receiptNumber", s.getReceiptNumber());
        data.put("name", s.getName());
        data.put("kana", s.getKana());
        data.put("address", s.getAddress());
        data.put("phone", s.getPhone());
        data.put("email", s.getEmail());
        data.put("household", s.getHousehold());
        data.put("wishedArea", s.getWishedArea());
        data.put("state", s.getState().name());
        return new ResidentRecord(SOURCE, label().ja(), EntityTypeNames.of(HouseSeeker.class), s.getId().toString(),
                s.getAppliedOn().atStartOfDay(VacantHouseService.JAPAN_ZONE).toOffsetDateTime(), s.getAnonymisedAt() != null,
                PersonalDataFields.present(s).stream().filter(f -> !f.equals("phoneDigits")).toList(), data);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        EntityManager em = tenancy.bind(lgCode);
        int n = 0;
        for (HouseSeeker s : em.createNamedQuery("HouseSeeker.refusedBefore", HouseSeeker.class)
                .setParameter("before", retention.closedBefore()).getResultList()) {
            n += s.anonymise(now) ? 1 : 0;
        }
        for (HouseSeeker s : em.createNamedQuery("HouseSeeker.endedBefore", HouseSeeker.class)
                .setParameter("before", retention.closedBefore().atZoneSameInstant(VacantHouseService.JAPAN_ZONE).toLocalDate())
                .getResultList()) {
            n += s.anonymise(now) ? 1 : 0;
        }
        return n;
    }
}
