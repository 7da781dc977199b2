package jp.machi.promotion.prcontent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.prchannel.domain.ChannelKind;
import jp.machi.promotion.prchannel.domain.PrChannel;
import jp.machi.promotion.prcontent.domain.PrContent;

/**
 * 広報コンテンツ of the municipality a request is about: the items published on its PR channels,
 * listed, filtered and counted in the database. A channel and a unit are looked up in the current
 * municipality only, so another municipality's id is an invalid reference like a made-up one.
 */
@ApplicationScoped
@Transactional
public class PrContentService {

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("publishedOn", "p.publishedOn")
            .field("title", "p.title")
            .byDefault("-publishedOn");

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    /**
     * The list's filters; each null when not given. With {@code includeLineage} the unit stands for every
     * unit a reorganisation connects it with (its predecessors and successors: what 広報課 published is
     * found under the 広報広聴課 that succeeded it).
     */
    public record Filter(UUID channelId, ChannelKind kind, UUID unitId, boolean includeLineage, Integer fiscalYear, String q) {
    }

    public ListQuery<PrContent> items(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), PrContent.class, "p")
                .where("p.channel.id = :channel", "channel", f.channelId())
                .where("p.channel.kind = :kind", "kind", f.kind())
                .when(f.unitId() != null && !f.includeLineage(), "p.unitId = :unit", "unit", f.unitId())
                .when(f.unitId() != null && f.includeLineage(), "p.unitId IN :units", "units",
                        f.unitId() == null ? null : organization.lineage(f.unitId()))
                .where("p.fiscalYear = :fy", "fy", f.fiscalYear())
                .contains("q", f.q(), "p.title")
                .orderBy(sort);
    }

    public PrContent item(UUID id) {
        PrContent c = tenancy.em().find(PrContent.class, id);
        if (c == null) {
            throw ApiException.notFound("promotion.prContent.notFound", id.toString());
        }
        return c;
    }

    /** The channel for {@code channelId} of this municipality, or 400 invalid reference at the field. */
    public PrChannel channelReference(UUID channelId) {
        PrChannel c = tenancy.em().find(PrChannel.class, channelId);
        if (c == null) {
            throw new ApiException(400, "invalid-reference", List.of(new ApiException.FieldErrorKey("channelId",
                    "promotion.prContent.channelNotFound", channelId.toString())), "problem.validation.detail");
        }
        return c;
    }

    /** Refuses a unit that is not one of this municipality's (400 invalid reference at the field). */
    public void requireUnit(UUID unitId) {
        if (unitId != null && organization.find(unitId).isEmpty()) {
            throw new ApiException(400, "invalid-reference", List.of(new ApiException.FieldErrorKey("unitId",
                    "promotion.prContent.unitNotFound", unitId.toString())), "problem.validation.detail");
        }
    }

    public PrContent create(PrContent.Content c) {
        requireUnit(c.unitId());
        PrContent x = new PrContent(c);
        tenancy.em().persist(x);
        tenancy.em().flush();
        return x;
    }

    public PrContent revise(PrContent x, PrContent.Content c) {
        requireUnit(c.unitId());
        x.revise(c);
        tenancy.em().flush();
        return x;
    }

    public void delete(PrContent x) {
        tenancy.em().remove(x);
        tenancy.em().flush();
    }

    /** How many items a channel has (a channel with items is not deleted). */
    public long countOn(UUID channelId) {
        return tenancy.em().createQuery("SELECT COUNT(p) FROM PrContent p WHERE p.channel.id = :c", Long.class)
                .setParameter("c", channelId).getSingleResult();
    }

    /** The items published in a fiscal year, counted in the database. */
    public long countIn(int fiscalYear) {
        return tenancy.em().createQuery("SELECT COUNT(p) FROM PrContent p WHERE p.fiscalYear = :fy", Long.class)
                .setParameter("fy", fiscalYear).getSingleResult();
    }

    /** The names (Japanese) of these units of the municipality, by id: a page's or an export chunk's units read at once. */
    public Map<UUID, String> unitNames(Collection<UUID> ids) {
        return organization.byIds(ids.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet())).values().stream()
                .collect(Collectors.toMap(OrganizationUnit::getId, OrganizationUnit::getNameJa));
    }

    /** The name (Japanese) of a unit, or null. */
    public String unitName(UUID id) {
        return id == null ? null : organization.find(id).map(OrganizationUnit::getNameJa).orElse(null);
    }
}
