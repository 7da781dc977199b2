package jp.machi.promotion.fanclub.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;
import jp.machi.promotion.fanclub.domain.FanClubMember;
import jp.machi.promotion.fanclub.domain.Prefectures;

/**
 * Fan club members in residents' data requests: export by e-mail; anonymisation of those who left,
 * or never confirmed, longer ago than the retention period (a member stays a member until they leave).
 */
@ApplicationScoped
public class FanClubResidentData extends EntityResidentData<FanClubMember> {

    public static final String SOURCE = "promotion.fan-club-members";

    public FanClubResidentData() {
        super(SOURCE, LocalizedText.of("ファンクラブ会員", "Fan club members"), FanClubMember.class,
                Lookup.byEmail("FanClubMember.byAnyEmail"));
    }

    @Override
    protected OffsetDateTime recordedAt(FanClubMember m) {
        return m.getSignedUpAt();
    }

    @Override
    protected void data(FanClubMember m, Map<String, Object> data) {
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
    }

    @Override
    protected List<FanClubMember> expired(Retention retention) {
        return query("FanClubMember.expired").setParameter("before", retention.closedBefore()).getResultList();
    }
}
