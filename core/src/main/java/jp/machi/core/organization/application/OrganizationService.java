package jp.machi.core.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.organization.domain.Lineage;
import jp.machi.core.organization.domain.OrganizationChart;
import jp.machi.core.organization.domain.OrganizationChart.Linked;
import jp.machi.core.organization.domain.OrganizationChart.UnitLineage;
import jp.machi.core.organization.domain.OrganizationRuleException;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.organization.domain.UnitDraft;
import jp.machi.core.organization.domain.UnitKind;
import jp.machi.core.organization.domain.UnitSuccession;
import jp.machi.core.persistence.CurrentMunicipality;
import jp.machi.core.persistence.Tenancy;

/** The organisational tree of the request's municipality and its history. */
@ApplicationScoped
@Transactional
public class OrganizationService {

    @Inject
    Tenancy tenancy;

    @Inject
    CurrentMunicipality current;

    /** A unit with the units next to it: its parent and what it came from and led to. */
    public record UnitDetails(OrganizationUnit unit, Optional<OrganizationUnit> parent, List<Linked> predecessors,
            List<Linked> successors) {
    }

    /** A unit of the current municipality; another municipality's unit is as absent as a made-up id. */
    public Optional<OrganizationUnit> find(UUID id) {
        return Optional.ofNullable(tenancy.em().find(OrganizationUnit.class, id));
    }

    /**
     * The unit and every unit it descends from or led to through reorganisations (renamings,
     * mergers, splits), so that what belonged to a unit under an old name can still be found.
     */
    public Set<UUID> lineage(UUID unitId) {
        return Lineage.connected(unitId, successions());
    }

    /** The unit, or the 404 a caller gets for an unknown id or another municipality's unit. */
    public OrganizationUnit require(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** Lists of units: by code, then the older version first (as {@link OrganizationChart#BY_CODE}). */
    private static final Sort LIST_ORDER = Sort.Fields.of().field("code", "u.code").field("validFrom", "u.validFrom")
            .byDefault("code,validFrom").parse(null);

    /**
     * The units valid on {@code day}, or every unit ever when {@code day} is null, as a query run in
     * the database (a page or an export reads only its rows).
     */
    public ListQuery<OrganizationUnit> list(LocalDate day) {
        return ListQuery.of(tenancy.em(), OrganizationUnit.class, "u")
                .where("u.validFrom <= :day AND (u.validTo IS NULL OR u.validTo >= :day)", "day", day)
                .orderBy(LIST_ORDER);
    }

    /** The units with these ids (of the current municipality), by id: a page's parents, read at once. */
    public Map<UUID, OrganizationUnit> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, OrganizationUnit> found = new HashMap<>();
        tenancy.em().createQuery("SELECT u FROM OrganizationUnit u WHERE u.id IN :ids", OrganizationUnit.class)
                .setParameter("ids", List.copyOf(ids)).getResultList().forEach(u -> found.put(u.getId(), u));
        return found;
    }

    /** Every unit and succession of the current municipality. */
    public OrganizationChart chart() {
        EntityManager em = tenancy.em();
        return new OrganizationChart(em.createNamedQuery("OrganizationUnit.all", OrganizationUnit.class).getResultList(),
                successions());
    }

    public UnitDetails details(UUID id) {
        OrganizationChart chart = chart();
        OrganizationUnit unit = chart.unit(id).orElseThrow(() -> notFound(id));
        return new UnitDetails(unit, chart.parentOf(unit), chart.predecessorsOf(id), chart.successorsOf(id));
    }

    /** A unit's lineage, with the chart it was read from (to name the parents of the units in it). */
    public record LineageDetails(UnitLineage lineage, OrganizationChart chart) {
    }

    /** The unit's predecessors and successors however far back and on, found through {@link #lineage}. */
    public LineageDetails lineageOf(UUID id) {
        OrganizationChart chart = chart();
        return new LineageDetails(chart.lineageOf(id, lineage(id)).orElseThrow(() -> notFound(id)), chart);
    }

    /**
     * The version of the municipality's whole chart, as an ETag value: it changes whenever any unit
     * is added or changed (a correction, a reorganisation closing, moving or opening units), so a
     * reorganisation can require the chart its author saw (If-Match). One query of ids and versions.
     */
    public String chartTag() {
        List<Object[]> rows = tenancy.em().createQuery("SELECT u.id, u.version FROM OrganizationUnit u", Object[].class)
                .getResultList();
        List<String> parts = new java.util.ArrayList<>(rows.size());
        for (Object[] r : rows) {
            parts.add(r[0] + ":" + r[1]);
        }
        java.util.Collections.sort(parts);
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                sha.update((byte) ';');
            }
            return "chart-" + rows.size() + "-" + java.util.HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a unit valid from {@code validFrom} with no end date. */
    public OrganizationUnit create(UnitDraft draft, LocalDate validFrom) {
        lockTree();
        OrganizationUnit unit;
        try {
            unit = chart().register(draft, validFrom);
        } catch (OrganizationRuleException e) {
            throw Refusals.of(e);
        }
        EntityManager em = tenancy.em();
        em.persist(unit);
        em.flush();
        return unit;
    }

    /**
     * Corrects a unit's code, names or kind, say a typo. A change in substance (a new name from
     * April, a merger) is a reorganisation instead, so that the past keeps its names.
     */
    public OrganizationUnit correct(OrganizationUnit unit, String code, String nameJa, String nameKana, String nameEn,
            UnitKind kind) {
        lockTree();
        try {
            chart().checkCorrection(unit, code);
        } catch (OrganizationRuleException e) {
            throw Refusals.of(e);
        }
        unit.correct(code, kind);
        unit.rename(nameJa, nameKana, nameEn);
        tenancy.em().flush();
        return unit;
    }

    /**
     * Serialises changes to one municipality's tree: the code and parent rules span several rows,
     * which no constraint in the database can guard, so two editors must not check them at the
     * same time. The municipality's row is the lock.
     */
    public void lockTree() {
        String code = current.code();
        tenancy.em();
        tenancy.platform().createNamedQuery("Municipality.byCode", Municipality.class).setParameter("code", code)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private List<UnitSuccession> successions() {
        return tenancy.em().createNamedQuery("UnitSuccession.all", UnitSuccession.class).getResultList();
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound("organization.notFound", id);
    }
}
