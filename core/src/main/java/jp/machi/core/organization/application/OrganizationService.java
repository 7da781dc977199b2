package jp.machi.core.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.organization.domain.UnitSuccession;
import jp.machi.core.persistence.Tenancy;

/** The organisational tree of the request's municipality and its history. */
@ApplicationScoped
@Transactional
public class OrganizationService {

    @Inject
    Tenancy tenancy;

    /** A unit of the current municipality; another municipality's unit is as absent as a made-up id. */
    public Optional<OrganizationUnit> find(UUID id) {
        return Optional.ofNullable(tenancy.em().find(OrganizationUnit.class, id));
    }

    /**
     * The unit and every unit it descends from or led to through reorganisations (renamings,
     * mergers, splits), so that what belonged to a unit under an old name can still be found.
     */
    public Set<UUID> lineage(UUID unitId) {
        List<UnitSuccession> links = tenancy.em().createNamedQuery("UnitSuccession.all", UnitSuccession.class)
                .getResultList();
        Set<UUID> seen = new HashSet<>();
        Deque<UUID> todo = new ArrayDeque<>();
        todo.add(unitId);
        while (!todo.isEmpty()) {
            UUID current = todo.poll();
            if (!seen.add(current)) {
                continue;
            }
            for (UnitSuccession s : links) {
                if (s.getPredecessorId().equals(current)) {
                    todo.add(s.getSuccessorId());
                }
                if (s.getSuccessorId().equals(current)) {
                    todo.add(s.getPredecessorId());
                }
            }
        }
        return seen;
    }
}
