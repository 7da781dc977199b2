package jp.machi.promotion.vacanthouse.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;
import jp.machi.promotion.vacanthouse.domain.VacantHouse;

/** Owners of vacant-house bank properties in residents' data requests; anonymised when closed longer than the retention period. */
@ApplicationScoped
public class VacantHouseResidentData extends EntityResidentData<VacantHouse> {

    public static final String SOURCE = "promotion.vacant-house-owners";

    public VacantHouseResidentData() {
        super(SOURCE, LocalizedText.of("空き家バンクの物件所有者", "Vacant-house bank owners"), VacantHouse.class,
                Lookup.byEmailOrPhone("VacantHouse.byEmail", "VacantHouse.byPhone", "ownerPhoneDigits"));
    }

    @Override
    protected OffsetDateTime recordedAt(VacantHouse v) {
        return v.getAppliedOn().atStartOfDay(VacantHouseService.JAPAN_ZONE).toOffsetDateTime();
    }

    @Override
    protected void data(VacantHouse v, Map<String, Object> data) {
        data.put("property", v.getTitle());
        data.put("ownerName", v.getOwnerName());
        data.put("ownerAddress", v.getOwnerAddress());
        data.put("ownerPhone", v.getOwnerPhone());
        data.put("ownerEmail", v.getOwnerEmail());
    }

    @Override
    protected List<VacantHouse> expired(Retention retention) {
        return query("VacantHouse.expired").setParameter("before", retention.closedBefore()).getResultList();
    }
}
