package jp.machi.collaboration.facility.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.collaboration.facility.application.FacilityService;
import jp.machi.collaboration.facility.domain.Facility;
import jp.machi.collaboration.facility.domain.FacilityMonitoring;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Problems;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.persistence.Tenancy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/facilities/public}: what anyone may read of the
 * community facilities — the facilities with rooms, opening and the current designated manager (an
 * organisation), their published monitoring — and the open data set 公共施設一覧 in the columns of the
 * Digital Agency's 自治体標準オープンデータセット (CSV, UTF-8 with BOM). No personal data is held here.
 */
@Path("municipalities/{lgCode}/collaboration/facilities/public")
@RequestScoped
@Tag(name = "collaboration")
public class FacilityPublicResource {

    /** 公共施設一覧's columns, in order (自治体標準オープンデータセット; see ADR facilities-open-data). */
    public static final List<String> OPEN_DATA_COLUMNS = List.of("全国地方公共団体コード", "ID", "地方公共団体名", "名称",
            "名称_カナ", "名称_英字", "種別", "種別_英字", "住所", "方書", "緯度", "経度", "利用可能曜日", "開始時間", "終了時間",
            "利用可能日時特記事項", "説明", "バリアフリー情報", "電話番号", "内線番号", "法人番号", "団体名", "郵便番号",
            "利用可能な携帯端末", "URL", "画像", "画像_ライセンス", "備考");

    @Inject
    FacilityService facilities;

    @Inject
    MunicipalityService municipalities;

    @Inject
    Tenancy tenancy;

    @Context
    HttpHeaders headers;

    @JsonbPropertyOrder({"id", "name", "nameKana", "kind", "kindLabel", "postalCode", "address", "addressDetail",
        "openDays", "opensAt", "closesAt", "openingNote", "description", "barrierFree", "phone", "url", "capacity",
        "rooms", "manager", "monitoring"})
    public record PublicFacility(UUID id, String name, String nameKana, String kind, String kindLabel, String postalCode,
            String address, String addressDetail, String openDays, String opensAt, String closesAt, String openingNote,
            String description, String barrierFree, String phone, String url, int capacity,
            List<FacilityResource.RoomView> rooms, PublicManager manager, List<FacilityResource.MonitoringView> monitoring) {
    }

    @JsonbPropertyOrder({"organisationName", "periodLabel"})
    public record PublicManager(String organisationName, String periodLabel) {
    }

    @GET
    @Access(Access.Level.PUBLIC)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Community facilities for the portal (anyone): rooms, opening, this fiscal year's designated manager"
            + " (an organisation) and the published monitoring; no personal data")
    @Answers(value = PublicFacility.class, list = true)
    public List<PublicFacility> list() {
        Locale l = Problems.locale(headers);
        int fy = FiscalYear.containing(PartnerService.today()).startYear();
        Map<UUID, List<FacilityMonitoring>> published = facilities.published().stream()
                .collect(Collectors.groupingBy(FacilityMonitoring::getFacilityId));
        List<PublicFacility> out = new ArrayList<>();
        for (Facility f : facilities.list(new FacilityService.Filter(null, null), FacilityService.SORT.parse(null)).all()) {
            Facility.Place p = f.getPlace();
            Facility.Manager m = f.managerIn(fy);
            out.add(new PublicFacility(f.getId(), f.getName(), f.getNameKana(), f.getKind().name(), f.getKind().label().in(l),
                    p.postalCode(), p.address(), p.addressDetail(), p.openDays(), time(p.opensAt()), time(p.closesAt()),
                    p.openingNote(), f.getDescription(), f.getBarrierFree(), f.getPhone(), f.getUrl(),
                    FacilityResource.capacity(f),
                    f.getRooms().stream().map(r -> new FacilityResource.RoomView(r.name(), r.capacity())).toList(),
                    m == null ? null : new PublicManager(m.organisationName(), FacilityResource.period(m.fromYear(), m.toYear(), l)),
                    published.getOrDefault(f.getId(), List.of()).stream().map(x -> FacilityResource.monitoringView(x, l))
                            .toList()));
        }
        return out;
    }

    @GET
    @Path("open-data.csv")
    @Access(Access.Level.PUBLIC)
    @Produces(Csv.MEDIA_TYPE)
    @Transactional
    @Operation(summary = "公共施設一覧 (open data, anyone): the facilities in the columns of the Digital Agency's"
            + " 自治体標準オープンデータセット, CSV in UTF-8 with BOM; 団体名 and 法人番号 are this fiscal year's designated manager")
    @Answers
    public Response openData() {
        Municipality mu = municipalities.require(tenancy.code());
        String lgName = mu.getPrefecture().displayName().ja() + mu.getNameJa();
        int fy = FiscalYear.containing(PartnerService.today()).startYear();
        List<Facility> all = facilities.list(new FacilityService.Filter(null, null), FacilityService.SORT.parse("code,name"))
                .all();
        return Csv.response(mu.getCode().value() + "_public_facility.csv", OPEN_DATA_COLUMNS, all, f -> {
            Facility.Place p = f.getPlace();
            Facility.Manager m = f.managerIn(fy);
            String rooms = f.getRooms().stream().map(r -> r.name() + "（定員" + r.capacity() + "人）")
                    .collect(Collectors.joining("、"));
            String description = f.getDescription() == null ? rooms
                    : rooms.isEmpty() ? f.getDescription() : f.getDescription() + " 部屋: " + rooms;
            return Arrays.asList(mu.getCode().value(), f.getCode() == null ? f.getId().toString() : f.getCode(), lgName,
                    f.getName(), f.getNameKana(), f.getNameEn(), f.getKind().label().ja(), f.getKind().label().en(),
                    p.address(), p.addressDetail(), p.latitude(), p.longitude(), p.openDays(), time(p.opensAt()),
                    time(p.closesAt()), p.openingNote(), description, f.getBarrierFree(), f.getPhone(), null,
                    m == null ? null : m.corporateNumber(), m == null ? null : m.organisationName(), p.postalCode(), null,
                    f.getUrl(), null, null, f.getNote());
        });
    }

    private static String time(java.time.LocalTime t) {
        return t == null ? null : String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    static LocalDate today() {
        return PartnerService.today();
    }
}
