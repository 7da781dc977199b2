package jp.machi.core.municipality.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.machi.core.municipality.domain.ModuleEnablement;
import jp.machi.core.persistence.Tenancy;

/** Which modules a municipality uses; modules are off until switched on. */
@ApplicationScoped
@Transactional
public class ModuleEnablementService {

    /** Fired after a municipality switched a module on or off. */
    public record ModuleSwitched(String lgCode, String moduleId, boolean enabled) {
    }

    @Inject
    Tenancy tenancy;

    @Inject
    Event<ModuleSwitched> switched;

    public boolean isEnabled(String lgCode, String moduleId) {
        return tenancy.bind(lgCode).createNamedQuery("ModuleEnablement.byModule", ModuleEnablement.class)
                .setParameter("moduleId", moduleId).getResultStream().findFirst()
                .map(ModuleEnablement::isEnabled).orElse(false);
    }

    public Map<String, Boolean> enablement(String lgCode) {
        Map<String, Boolean> result = new HashMap<>();
        List<ModuleEnablement> rows = tenancy.bind(lgCode)
                .createNamedQuery("ModuleEnablement.all", ModuleEnablement.class).getResultList();
        rows.forEach(e -> result.put(e.getModuleId(), e.isEnabled()));
        return result;
    }

    public void set(String lgCode, String moduleId, boolean enabled) {
        var em = tenancy.bind(lgCode);
        ModuleEnablement row = em.createNamedQuery("ModuleEnablement.byModule", ModuleEnablement.class)
                .setParameter("moduleId", moduleId).getResultStream().findFirst().orElse(null);
        if (row == null) {
            em.persist(new ModuleEnablement(moduleId, enabled));
        } else if (row.isEnabled() == enabled) {
            return;
        } else {
            row.switchTo(enabled);
        }
        em.flush();
        switched.fire(new ModuleSwitched(lgCode, moduleId, enabled));
    }
}
