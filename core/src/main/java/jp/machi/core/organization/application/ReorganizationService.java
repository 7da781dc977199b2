package jp.machi.core.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.machi.core.organization.domain.OrganizationRuleException;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.organization.domain.Reorganization;
import jp.machi.core.organization.domain.UnitDraft;
import jp.machi.core.persistence.Tenancy;

/**
 * 組織改正: the April reorganisation, carried out in one transaction. Everything is checked before
 * anything is written, and any refusal rolls the whole of it back, so a reorganisation is never
 * half done.
 */
@ApplicationScoped
@Transactional
public class ReorganizationService {

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    /**
     * Ends {@code predecessorIds} on the day before {@code effectiveDate} and opens
     * {@code successor} (none: the predecessors are abolished) on it, carrying their children
     * over.
     */
    public Reorganization reorganize(LocalDate effectiveDate, List<UUID> predecessorIds, UnitDraft successor) {
        organization.lockTree();
        Reorganization plan;
        try {
            plan = organization.chart().reorganize(effectiveDate, predecessorIds, successor);
        } catch (OrganizationRuleException e) {
            throw Refusals.of(e);
        }
        EntityManager em = tenancy.em();
        // One at a time, parents first: the ids are plain columns, so the ORM does not know that a
        // child's row must follow its parent's, while the database checks the reference at once.
        for (OrganizationUnit created : plan.created()) {
            em.persist(created);
            em.flush();
        }
        plan.closeAndMove();
        plan.successions().forEach(em::persist);
        em.flush();
        return plan;
    }
}
