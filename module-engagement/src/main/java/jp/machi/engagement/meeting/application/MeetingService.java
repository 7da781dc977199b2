package jp.machi.engagement.meeting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.meeting.domain.MeetingKind;
import jp.machi.engagement.meeting.domain.MeetingOpinion;
import jp.machi.engagement.meeting.domain.MeetingStatus;
import jp.machi.engagement.meeting.domain.OpinionStatus;
import jp.machi.engagement.meeting.domain.TownMeeting;

/** Town meetings (タウンミーティング・懇談会) of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class MeetingService {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    public record Filter(Integer fiscalYear, MeetingStatus status, MeetingKind kind) {
    }

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("fiscalYear", "m.fiscalYear")
            .nullable("meetingDate", "m.meetingDate")
            .field("title", "m.title")
            .field("status", "m.status")
            .field("kind", "m.kind")
            .byDefault("-fiscalYear,-meetingDate");

    public ListQuery<TownMeeting> list(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), TownMeeting.class, "m")
                .where("m.fiscalYear = :fy", "fy", f.fiscalYear())
                .where("m.status = :status", "status", f.status())
                .where("m.kind = :kind", "kind", f.kind())
                .orderBy(sort);
    }

    public ListQuery<TownMeeting> published(Integer fiscalYear, Sort sort) {
        return ListQuery.of(tenancy.em(), TownMeeting.class, "m").always("m.reportPublished = TRUE")
                .where("m.fiscalYear = :fy", "fy", fiscalYear).orderBy(sort);
    }

    public TownMeeting require(UUID id) {
        TownMeeting m = tenancy.em().find(TownMeeting.class, id);
        if (m == null) {
            throw ApiException.notFound("engagement.meeting.notFound", id.toString());
        }
        return m;
    }

    public TownMeeting requirePublished(UUID id) {
        TownMeeting m = tenancy.em().find(TownMeeting.class, id);
        if (m == null || !m.isReportPublished()) {
            throw ApiException.notFound("engagement.meeting.notFound", id.toString());
        }
        return m;
    }

    public MeetingOpinion requireOpinion(TownMeeting m, UUID opinionId) {
        return m.opinion(opinionId).orElseThrow(() -> ApiException.notFound("engagement.meeting.opinionNotFound",
                opinionId.toString()));
    }

    public TownMeeting create(TownMeeting.Details d) {
        TownMeeting m = new TownMeeting(d, now());
        tenancy.em().persist(m);
        tenancy.em().flush();
        return m;
    }

    public TownMeeting edit(TownMeeting m, TownMeeting.Details d) {
        m.edit(d, now());
        tenancy.em().flush();
        return m;
    }

    public MeetingOpinion addOpinion(TownMeeting m, String opinion, UUID unitId) {
        requireUnit(unitId);
        MeetingOpinion o = m.addOpinion(opinion, unitId);
        tenancy.em().flush();
        return o;
    }

    public void editOpinion(TownMeeting m, MeetingOpinion o, String opinion, UUID unitId, OpinionStatus status,
            String response) {
        requireUnit(unitId);
        m.editOpinion(o, opinion, unitId, status, response, now());
        tenancy.em().flush();
    }

    public void removeOpinion(TownMeeting m, MeetingOpinion o) {
        m.removeOpinion(o);
        tenancy.em().flush();
    }

    private void requireUnit(UUID unitId) {
        if (unitId != null && organization.find(unitId).isEmpty()) {
            throw new ApiException(400, "invalid-reference",
                    List.of(new ApiException.FieldErrorKey("unitId", "engagement.meeting.unitNotFound", unitId)),
                    "problem.validation.detail");
        }
    }

    public Optional<String> unitName(UUID unitId) {
        return unitId == null ? Optional.empty() : organization.find(unitId).map(OrganizationUnit::getNameJa);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
