package jp.machi.promotion.vacanthouse.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;
import jp.machi.promotion.vacanthouse.domain.HouseSeeker;

/**
 * House seekers of the vacant-house bank in residents' data requests; anonymised once refused, or once
 * their registration ended, longer ago than the retention period.
 */
@ApplicationScoped
public class HouseSeekerResidentData extends EntityResidentData<HouseSeeker> {

    public static final String SOURCE = "promotion.house-seekers";

    public HouseSeekerResidentData() {
        super(SOURCE, LocalizedText.of("空き家バンクの利用登録者", "Vacant-house bank house seekers"), HouseSeeker.class,
                Lookup.byEmailOrPhone("HouseSeeker.byEmail", "HouseSeeker.byPhone", "phoneDigits"));
    }

    @Override
    protected OffsetDateTime recordedAt(HouseSeeker s) {
        return s.getAppliedOn().atStartOfDay(VacantHouseService.JAPAN_ZONE).toOffsetDateTime();
    }

    @Override
    protected void data(HouseSeeker s, Map<String, Object> data) {
        data.put("receiptNumber", s.getReceiptNumber());
        data.put("name", s.getName());
        data.put("kana", s.getKana());
        data.put("address", s.getAddress());
        data.put("phone", s.getPhone());
        data.put("email", s.getEmail());
        data.put("household", s.getHousehold());
        data.put("wishedArea", s.getWishedArea());
        data.put("state", s.getState().name());
    }

    @Override
    protected List<HouseSeeker> expired(Retention retention) {
        List<HouseSeeker> out = new ArrayList<>(query("HouseSeeker.refusedBefore")
                .setParameter("before", retention.closedBefore()).getResultList());
        out.addAll(query("HouseSeeker.endedBefore")
                .setParameter("before", retention.closedBefore().atZoneSameInstant(VacantHouseService.JAPAN_ZONE).toLocalDate())
                .getResultList());
        return out;
    }
}
