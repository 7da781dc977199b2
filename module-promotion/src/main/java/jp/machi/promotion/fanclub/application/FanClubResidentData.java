package jp.machi.promotion.fanclub.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.machi.core.audit.domain.EntityTypeNames;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentDataProvider;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.Retention;
import jp.machi.promotion.fanclub.domain.FanClubMember;
import jp.machi.promotion.fanclub.domain.Prefectures;

/**
 * Fan club members in residents' data requests: export by e-mail; anonymisation of those who left,
 * or never confirmed, longer ago than the retention period (a member stays a member until they leave).
 */
@ApplicationScoped
public class FanClubResidentData implements ResidentDataProvider {

    public static final String SOURCE = "promotion.fan-club-members";

    @Inject
    Tenancy tenancy;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("ファンクラブ会員", "Fan club members");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        if (query.email() == null) {
            return List.of();
        }
        return tenancy.bind(lgCode).createNamedQuery("FanClubMember.byAnyEmail", FanClubMember.class).setParameter("email", query.email())
                .getResultList().stream().map(this::record).toList();
    }

    private ResidentRecord record(FanClubMember m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receiptNumber", m.getReceiptNumber());
        data.put("status", m.getStatus().name());
        data.put("name", m.getName());
        data.put("email", m.getEmail());
        if (m.getNewEmail() != null) {
            data.put("newEmail", m.getNewEmail());
        }
        data.put("prefecture", Prefectures.name(m.getPrefectureCode()));
        data.put("municipalityName", m.getMunicipalityName());
        data.put("address", m.getAddress());
        data.put("interests", m.getInterests());
        data.put("newsletter", m.isNewsletter());
        data.put("confirmedOn", m.getConfirmedOn() == null ? null : m.getConfirmedOn().toString());
        data.put("leftOn", m.getLeftOn() == null ? null : m.getLeftOn().toString());
        return new ResidentRecord(SOURCE, label().ja(), EntityTypeNames.of(FanClubMember.class), m.getId().toString(),
                m.getSignedUpAt(), m.getAnonymisedAt() != null, PersonalDataFields.present(m), data);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 0;
        for (FanClubMember m : tenancy.bind(lgCode).createNamedQuery("FanClubMember.expired", FanClubMember.class)
                .setParameter("before", retention.closedBefore()).getResultList()) {
            if (m.anonymise(now)) {
                n++;
            }
        }
        return n;
    }
}
